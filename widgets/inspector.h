#pragma once
// The selected component's fields as a form: one editor per field, edits sent out as intents.

#include "model/edit.h"
#include "model/scenario.h"

#include "inspectorform.h"

#include <QDoubleSpinBox>
#include <QHash>
#include <QWidget>

#include <vector>

class QFrame;
class QLabel;
class QScrollArea;

namespace widgets {

class InspectorSettings;

// A number editor that shows 600 as "600" and 2.5 as "2.5", and still takes up to decimals()
// digits.
class CompactSpinBox : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override;
};

class Inspector : public QWidget {
    Q_OBJECT
public:
    explicit Inspector(QWidget *parent = nullptr);
    ~Inspector() override;

    // "" (or an id that names nothing) shows a hint and the scenario's own settings instead of
    // a component's form. Shown again with the same id, the form keeps its scroll position and
    // focus, and every editor shows the scenario's value: an edit the model refused snaps back.
    void show_component(const model::Scenario &s, const QString &id);
    // Shows why an edit was refused, until the next show_component(); `details` (the places as
    // JSON pointers) go in its tooltip.
    void show_error(const QString &message, const QString &details = {});
    QString component_id() const { return id_; }

signals:
    // `field` is a key of component_json() or a JSON pointer below it ("lag/median_ms");
    // `json_value` is JSON text ("300", "true", "\"manual\"").
    void field_edit_requested(QString id, QString field, QString json_value);
    // Nothing selected: the scenario settings form asks for these settings.
    void settings_edit_requested(model::ScenarioSettings settings);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build(const std::vector<FormRow> &rows, bool keep_place);
    void refill(const std::vector<FormRow> &rows);
    void discard_form();
    QWidget *make_editor(const FormRow &row);
    void fill(QWidget *editor, const FormRow &row);
    void commit(QWidget *editor);

    QLabel *title_ = nullptr;
    QFrame *error_ = nullptr;
    QLabel *error_text_ = nullptr;
    QWidget *nothing_ = nullptr; // shown when nothing is selected: a hint and the settings
    QLabel *hint_ = nullptr;
    InspectorSettings *settings_ = nullptr;
    QScrollArea *scroll_ = nullptr;
    QString id_;
    QString shape_;
    std::vector<QWidget *> editors_;    // one per form row; nullptr for a heading
    QHash<QString, QString> committed_; // field -> the JSON text last shown or asked for
};

} // namespace widgets
