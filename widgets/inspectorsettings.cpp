#include "inspectorsettings.h"

#include "fieldhelp.h"
#include "inspector.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>

#include <cmath>

namespace widgets {
namespace {

// A label and tooltip for one field, from the field-spec table.
void add_row(QFormLayout *form, QWidget *editor, const QString &section, const QString &key) {
    const FieldHelp help = field_help(section, key);
    QString tip = help.meaning;
    if (const QString range = field_range_text(help); !range.isEmpty())
        tip += QLatin1Char('\n') + range;
    auto *label = new QLabel(field_label(help));
    label->setToolTip(tip);
    label->setBuddy(editor);
    editor->setToolTip(tip);
    editor->setAccessibleName(help.label);
    editor->setAccessibleDescription(tip);
    editor->setObjectName(section + QLatin1Char('/') + key);
    form->addRow(label, editor);
}

void set_range(QDoubleSpinBox *box, const FieldHelp &help, int decimals) {
    box->setDecimals(decimals);
    box->setRange(help.min, help.max);
    if (help.step > 0)
        box->setSingleStep(help.step);
}

} // namespace

InspectorSettings::InspectorSettings(Commit commit, QWidget *parent)
    : QWidget(parent), commit_(commit) {
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    name_ = new QLineEdit;
    add_row(form, name_, QStringLiteral("scenario"), QStringLiteral("name"));

    duration_ = new CompactSpinBox;
    set_range(duration_, field_help(QStringLiteral("settings"), QStringLiteral("duration_s")), 3);
    add_row(form, duration_, QStringLiteral("settings"), QStringLiteral("duration_s"));

    step_ = new QSpinBox;
    const FieldHelp step = field_help(QStringLiteral("settings"), QStringLiteral("step_ms"));
    step_->setRange(static_cast<int>(step.min), static_cast<int>(step.max));
    step_->setSingleStep(static_cast<int>(step.step));
    add_row(form, step_, QStringLiteral("settings"), QStringLiteral("step_ms"));

    seed_ = new QLineEdit;
    seed_->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,20}")), seed_));
    add_row(form, seed_, QStringLiteral("settings"), QStringLiteral("seed"));

    slo_ = new CompactSpinBox;
    const FieldHelp slo = field_help(QStringLiteral("settings"), QStringLiteral("slo"));
    set_range(slo_, slo, slo.decimals);
    add_row(form, slo_, QStringLiteral("settings"), QStringLiteral("slo"));

    if (commit_ == Commit::each_field) {
        connect(name_, &QLineEdit::editingFinished, this, &InspectorSettings::field_finished);
        connect(duration_, &QDoubleSpinBox::editingFinished, this,
                &InspectorSettings::field_finished);
        connect(step_, &QSpinBox::editingFinished, this, &InspectorSettings::field_finished);
        connect(seed_, &QLineEdit::editingFinished, this, &InspectorSettings::field_finished);
        connect(slo_, &QDoubleSpinBox::editingFinished, this, &InspectorSettings::field_finished);
    }
}

void InspectorSettings::show_settings(const model::ScenarioSettings &settings) {
    for (QWidget *editor : {static_cast<QWidget *>(name_), static_cast<QWidget *>(duration_),
                            static_cast<QWidget *>(step_), static_cast<QWidget *>(seed_),
                            static_cast<QWidget *>(slo_)})
        editor->blockSignals(true);
    shown_ = settings;
    const QString name = QString::fromStdString(settings.name);
    if (name_->text() != name)
        name_->setText(name);
    duration_->setValue(static_cast<double>(settings.duration_ms) / 1000.0);
    step_->setValue(static_cast<int>(settings.step_ms));
    seed_->setText(QString::number(settings.seed));
    slo_->setValue(settings.slo *
                   field_help(QStringLiteral("settings"), QStringLiteral("slo")).scale);
    shown_duration_ = duration_->value();
    shown_slo_ = slo_->value();
    for (QWidget *editor : {static_cast<QWidget *>(name_), static_cast<QWidget *>(duration_),
                            static_cast<QWidget *>(step_), static_cast<QWidget *>(seed_),
                            static_cast<QWidget *>(slo_)})
        editor->blockSignals(false);
}

model::ScenarioSettings InspectorSettings::settings() const {
    model::ScenarioSettings out = shown_;
    out.name = name_->text().toStdString();
    if (duration_->value() != shown_duration_)
        out.duration_ms = static_cast<model::Ms>(std::llround(duration_->value() * 1000.0));
    out.step_ms = step_->value();
    bool ok = false;
    const qulonglong seed = seed_->text().toULongLong(&ok);
    if (ok)
        out.seed = seed;
    if (slo_->value() != shown_slo_) {
        // As many digits as the editor shows, no floating-point residue of the scaling.
        const double scale = field_help(QStringLiteral("settings"), QStringLiteral("slo")).scale;
        const double digits = std::pow(10.0, slo_->decimals());
        out.slo = std::round(slo_->value() * digits) / (scale * digits);
    }
    return out;
}

void InspectorSettings::field_finished() {
    const model::ScenarioSettings now = settings();
    if (now == shown_)
        return;
    shown_ = now; // asked for once; the model's answer comes back through show_settings()
    emit settings_edit_requested(now);
}

} // namespace widgets
