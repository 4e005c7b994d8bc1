#include "inspector.h"

#include "inspectorsettings.h"

#include "model/edit.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>

namespace widgets {
namespace {

using Json = nlohmann::json;

QString json_string(const QString &text) {
    return QString::fromStdString(Json(text.toStdString()).dump());
}

// The JSON text an editor holds, as set_field would be given it.
QString editor_json(const QWidget *editor) {
    if (const auto *box = qobject_cast<const QSpinBox *>(editor))
        return QString::number(box->value());
    if (const auto *box = qobject_cast<const QDoubleSpinBox *>(editor))
        return json_number(box->value(), box->decimals());
    if (const auto *box = qobject_cast<const QCheckBox *>(editor))
        return box->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (const auto *box = qobject_cast<const QComboBox *>(editor))
        return json_string(box->currentData().toString());
    if (const auto *line = qobject_cast<const QLineEdit *>(editor))
        return json_string(line->text());
    return {};
}

// The range a number editor offers: the field's own where known, always holding the value.
std::pair<double, double> range_of(const FormRow &row, double lowest, double highest) {
    const double value = row.value.get<double>();
    const double low = std::min(row.help.ranged ? std::max(row.help.min, lowest) : lowest, value);
    const double high =
        std::max(row.help.ranged ? std::min(row.help.max, highest) : highest, value);
    return {low, high};
}

QFormLayout *new_form(QWidget *parent) {
    auto *form = new QFormLayout(parent);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return form;
}

} // namespace

QString CompactSpinBox::textFromValue(double value) const {
    QString text = locale().toString(value, 'f', decimals());
    if (!isGroupSeparatorShown())
        text.remove(locale().groupSeparator());
    const QString point = locale().decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

Inspector::Inspector(QWidget *parent) : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    title_ = new QLabel(this);
    QFont bold = title_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title_->setFont(bold);
    title_->setWordWrap(true);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(title_);

    error_ = new QFrame(this);
    error_->setObjectName(QStringLiteral("inspector_error"));
    error_->setStyleSheet(QStringLiteral(
        "QFrame#inspector_error { border: 2px solid #d32f2f; border-radius: 4px; }"));
    error_->setAccessibleName(tr("Edit refused"));
    auto *error_layout = new QHBoxLayout(error_);
    error_layout->setContentsMargins(6, 4, 6, 4);
    auto *icon = new QLabel(error_);
    const int icon_size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(icon_size));
    icon->setAlignment(Qt::AlignTop);
    error_layout->addWidget(icon);
    error_text_ = new QLabel(error_);
    error_text_->setObjectName(QStringLiteral("inspector_error_text"));
    error_text_->setWordWrap(true);
    error_text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_layout->addWidget(error_text_, 1);
    error_->hide();
    layout->addWidget(error_);

    // Nothing selected: a hint, and the scenario's own settings.
    nothing_ = new QWidget(this);
    auto *nothing = new QVBoxLayout(nothing_);
    nothing->setContentsMargins(0, 0, 0, 0);
    hint_ =
        new QLabel(tr("Select a part on the map to see and change its settings here."), nothing_);
    hint_->setWordWrap(true);
    hint_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    nothing->addWidget(hint_);
    auto *settings_box = new QGroupBox(tr("Scenario settings"), nothing_);
    settings_box->setToolTip(tr("The run's length, sample step and seed, and the SLO the summary "
                                "measures the error budget against"));
    auto *settings_layout = new QVBoxLayout(settings_box);
    settings_ = new InspectorSettings(InspectorSettings::Commit::each_field, settings_box);
    settings_layout->addWidget(settings_);
    connect(settings_, &InspectorSettings::settings_edit_requested, this,
            &Inspector::settings_edit_requested);
    nothing->addWidget(settings_box);
    nothing->addStretch(1);
    layout->addWidget(nothing_, 1);

    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll_->hide();
    layout->addWidget(scroll_, 1);

    title_->setText(tr("Nothing selected"));
    settings_->show_settings(model::scenario_settings_of(model::Scenario{}));
}

Inspector::~Inspector() {
    // Editors losing focus while the window goes report editingFinished; by then this object
    // is half gone.
    for (QWidget *editor : editors_)
        if (editor)
            editor->disconnect(this);
}

void Inspector::show_component(const model::Scenario &s, const QString &id) {
    error_->hide();
    const bool same = !id.isEmpty() && id == id_;
    const std::vector<FormRow> rows = describe_component(s, id.toStdString());
    if (rows.empty()) {
        id_.clear();
        shape_.clear();
        discard_form();
        title_->setText(tr("Nothing selected"));
        title_->setToolTip(QString());
        scroll_->hide();
        settings_->show_settings(model::scenario_settings_of(s));
        nothing_->show();
        return;
    }
    id_ = id;
    const QString kind = QString::fromStdString(model::kind_of(s, id.toStdString()));
    title_->setText(tr("%1: %2").arg(kind_label(kind), id));
    title_->setToolTip(tr("The %1 the map has selected").arg(kind_label(kind)));
    nothing_->hide();
    scroll_->show();
    const QString shape = form_shape(rows);
    if (same && shape == shape_)
        refill(rows);
    else
        build(rows, same);
    shape_ = shape;
}

void Inspector::show_error(const QString &message, const QString &details) {
    error_text_->setText(tr("Not changed: %1").arg(message));
    error_->setToolTip(details.isEmpty() ? message : details);
    error_->show();
}

void Inspector::build(const std::vector<FormRow> &rows, bool keep_place) {
    const int scrolled = keep_place ? scroll_->verticalScrollBar()->value() : 0;
    QString focused;
    if (keep_place && scroll_->widget()) {
        QWidget *w = QApplication::focusWidget();
        while (w && w->objectName().isEmpty())
            w = w->parentWidget();
        if (w && scroll_->widget()->isAncestorOf(w))
            focused = w->objectName();
    }

    discard_form();

    auto *form = new QWidget;
    std::vector<QFormLayout *> layouts{new_form(form)};
    for (const FormRow &row : rows) {
        layouts.resize(static_cast<std::size_t>(row.depth) + 1);
        QFormLayout *layout = layouts.back();
        if (row.editor == EditorKind::heading) {
            auto *box = new QGroupBox(row.label);
            box->setToolTip(row.tooltip);
            layout->addRow(box);
            layouts.push_back(new_form(box));
            editors_.push_back(nullptr);
            continue;
        }
        QWidget *editor = make_editor(row);
        fill(editor, row);
        auto *label = new QLabel(row.label);
        label->setToolTip(row.tooltip);
        label->setBuddy(editor);
        label->setEnabled(row.enabled);
        layout->addRow(label, editor);
        editors_.push_back(editor);
    }
    form->layout()->activate();
    scroll_->setWidget(form);
    scroll_->verticalScrollBar()->setValue(scrolled);
    if (!focused.isEmpty())
        if (auto *w = form->findChild<QWidget *>(focused))
            w->setFocus(Qt::OtherFocusReason);
}

void Inspector::discard_form() {
    if (QWidget *form = scroll_->widget()) {
        // Its editors lose focus on the way out: that is no edit of the component shown next.
        for (QWidget *child : form->findChildren<QWidget *>())
            child->blockSignals(true);
        scroll_->takeWidget();
        form->hide();
        form->setParent(this); // owned until it goes
        form->deleteLater();   // one of its editors may be emitting right now
    }
    editors_.clear();
    committed_.clear();
}

void Inspector::refill(const std::vector<FormRow> &rows) {
    for (std::size_t i = 0; i < rows.size() && i < editors_.size(); ++i)
        if (editors_[i])
            fill(editors_[i], rows[i]);
}

QWidget *Inspector::make_editor(const FormRow &row) {
    QWidget *editor = nullptr;
    switch (row.editor) {
    case EditorKind::heading:
    case EditorKind::readonly: {
        auto *label = new QLabel;
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        editor = label;
        break;
    }
    case EditorKind::text: {
        auto *line = new QLineEdit;
        connect(line, &QLineEdit::editingFinished, this, [this, line] { commit(line); });
        editor = line;
        break;
    }
    case EditorKind::check: {
        auto *box = new QCheckBox;
        connect(box, &QCheckBox::toggled, this, [this, box] { commit(box); });
        editor = box;
        break;
    }
    case EditorKind::choice: {
        auto *box = new QComboBox;
        for (int i = 0; i < row.choices.size(); ++i) {
            const QString &choice = row.choices[i];
            const QString shown = i < row.choice_labels.size() ? row.choice_labels[i] : choice;
            box->addItem(choice.isEmpty() ? tr("(none)") : shown, choice);
        }
        connect(box, &QComboBox::currentIndexChanged, this, [this, box] { commit(box); });
        editor = box;
        break;
    }
    case EditorKind::integer: {
        auto *box = new QSpinBox;
        const auto [low, high] = range_of(row, -1e9, 1e9);
        box->setRange(static_cast<int>(low), static_cast<int>(high));
        if (row.help.step > 0)
            box->setSingleStep(static_cast<int>(row.help.step));
        box->setGroupSeparatorShown(box->maximum() >= 100'000);
        connect(box, &QSpinBox::editingFinished, this, [this, box] { commit(box); });
        editor = box;
        break;
    }
    case EditorKind::real: {
        auto *box = new CompactSpinBox;
        box->setDecimals(row.help.decimals);
        const auto [low, high] = range_of(row, -1e9, 1e9);
        box->setRange(low, high);
        if (row.help.step > 0)
            box->setSingleStep(row.help.step);
        box->setGroupSeparatorShown(box->maximum() >= 100'000);
        connect(box, &QDoubleSpinBox::editingFinished, this, [this, box] { commit(box); });
        editor = box;
        break;
    }
    }
    if (qobject_cast<QAbstractSpinBox *>(editor) || qobject_cast<QComboBox *>(editor)) {
        editor->setFocusPolicy(Qt::StrongFocus);
        editor->installEventFilter(this);
    }
    editor->setObjectName(row.pointer);
    editor->setToolTip(row.tooltip);
    editor->setAccessibleName(row.label);
    editor->setAccessibleDescription(row.tooltip);
    editor->setEnabled(row.enabled || row.editor == EditorKind::readonly);
    return editor;
}

void Inspector::fill(QWidget *editor, const FormRow &row) {
    const QSignalBlocker quiet(editor);
    if (auto *label = qobject_cast<QLabel *>(editor)) {
        label->setText(row.text);
        return;
    }
    if (auto *box = qobject_cast<QSpinBox *>(editor))
        box->setValue(row.value.get<int>());
    else if (auto *real = qobject_cast<QDoubleSpinBox *>(editor))
        real->setValue(row.value.get<double>());
    else if (auto *check = qobject_cast<QCheckBox *>(editor))
        check->setChecked(row.value.get<bool>());
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(
            combo->findData(QString::fromStdString(row.value.get<std::string>())));
    else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        const QString text = QString::fromStdString(row.value.get<std::string>());
        if (line->text() != text)
            line->setText(text);
    }
    committed_[row.pointer] = editor_json(editor);
}

void Inspector::commit(QWidget *editor) {
    const QString field = editor->objectName();
    const QString value = editor_json(editor);
    if (id_.isEmpty() || field.isEmpty() || committed_.value(field) == value)
        return;
    committed_[field] = value;
    emit field_edit_requested(id_, field, value);
}

bool Inspector::eventFilter(QObject *watched, QEvent *event) {
    // A wheel over a spin box or list that has no focus scrolls the form instead of changing a
    // value by accident.
    if (event->type() == QEvent::Wheel) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && !widget->hasFocus()) {
            QCoreApplication::sendEvent(scroll_->verticalScrollBar(), event);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace widgets
