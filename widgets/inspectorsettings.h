#pragma once
// The scenario's own settings as a form: its name, the run's length and sample step, the seed
// and the SLO, with the labels, units, ranges and help of the model's field-spec table. The
// inspector shows one when nothing is selected; the Scenario Settings dialog holds one too.

#include "model/edit.h"

#include <QWidget>

class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace widgets {

class InspectorSettings : public QWidget {
    Q_OBJECT
public:
    // each_field: every finished edit asks for the settings at once (the inspector);
    // on_request: the form only holds them until settings() is read (a dialog's OK).
    enum class Commit { each_field, on_request };

    explicit InspectorSettings(Commit commit, QWidget *parent = nullptr);

    // Shows these settings without asking for anything.
    void show_settings(const model::ScenarioSettings &settings);
    // The settings as the form holds them; what was shown where a field was not changed.
    model::ScenarioSettings settings() const;

signals:
    void settings_edit_requested(model::ScenarioSettings settings);

private:
    void field_finished();

    Commit commit_;
    QLineEdit *name_ = nullptr;
    QDoubleSpinBox *duration_ = nullptr;
    QSpinBox *step_ = nullptr;
    QLineEdit *seed_ = nullptr;
    QDoubleSpinBox *slo_ = nullptr;
    model::ScenarioSettings shown_;
    double shown_duration_ = 0; // the editors' values right after show_settings()
    double shown_slo_ = 0;
};

} // namespace widgets
