#pragma once
// The selected component's fields as a form: one editor per field, edits sent out as intents.

#include "model/scenario.h"

#include "inspectorform.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QFrame;
class QLabel;
class QScrollArea;

namespace widgets {

class Inspector : public QWidget {
    Q_OBJECT
public:
    explicit Inspector(QWidget *parent = nullptr);
    ~Inspector() override;

    // "" (or an id that names nothing) shows a hint instead of a form. Shown again with the same
    // id, the form keeps its scroll position and focus.
    void show_component(const model::Scenario &s, const QString &id);
    // Shows why an edit was refused, until the next show_component().
    void show_error(const QString &message);
    QString component_id() const { return id_; }

signals:
    // `field` is a key of component_json() or a JSON pointer below it ("lag/median_ms");
    // `json_value` is JSON text ("300", "true", "\"manual\"").
    void field_edit_requested(QString id, QString field, QString json_value);

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
    QLabel *hint_ = nullptr;
    QScrollArea *scroll_ = nullptr;
    QString id_;
    QString shape_;
    std::vector<QWidget *> editors_;    // one per form row; nullptr for a heading
    QHash<QString, QString> committed_; // field -> the JSON text last shown or asked for
};

} // namespace widgets
