#include "faultlist.h"

#include "faultkinds.h"
#include "inspectorform.h"
#include "model/scenario_names.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace widgets {
namespace {

enum Column { kTime, kKind, kTarget, kUntil };
constexpr int kIdRole = Qt::UserRole;        // on the time column
constexpr int kLastsRole = Qt::UserRole + 1; // on the time column
constexpr int kMsRole = Qt::UserRole + 2;    // the time shown (start, end), if any

// Edits the start and end times in place. It never writes into the table: it hands what was
// typed to `commit`, and the table shows the new time once the document has taken it.
class TimeDelegate : public QStyledItemDelegate {
public:
    using Commit = std::function<void(const QModelIndex &, const QString &)>;
    TimeDelegate(Commit commit, QObject *parent)
        : QStyledItemDelegate(parent), commit_(std::move(commit)) {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override {
        const bool editable =
            index.column() == kTime ||
            (index.column() == kUntil && index.siblingAtColumn(kTime).data(kLastsRole).toBool());
        if (!editable)
            return nullptr;
        auto *line =
            qobject_cast<QLineEdit *>(QStyledItemDelegate::createEditor(parent, option, index));
        if (line)
            line->setPlaceholderText(FaultList::tr("mm:ss"));
        return line;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override {
        const QVariant ms = index.data(kMsRole);
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            line->setText(ms.isValid() ? minutes_seconds(ms.toLongLong()) : QString());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *,
                      const QModelIndex &index) const override {
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            commit_(index, line->text());
    }

private:
    Commit commit_;
};

} // namespace

double parse_minutes_seconds(const QString &typed) {
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return -1;
    bool ok = false;
    if (text.contains(QLatin1Char(':'))) {
        const QStringList parts = text.split(QLatin1Char(':'));
        if (parts.size() > 3)
            return -1;
        const double seconds = parts.back().toDouble(&ok);
        if (!ok || seconds < 0 || seconds >= 60)
            return -1;
        double total = seconds;
        double scale = 60;
        for (auto it = parts.rbegin() + 1; it != parts.rend(); ++it, scale *= 60) {
            const int whole = it->toInt(&ok);
            if (!ok || whole < 0)
                return -1;
            total += whole * scale;
        }
        return total;
    }
    if (const auto ms = model::parse_duration(text.toStdString()))
        return static_cast<double>(*ms) / 1000.0;
    const double seconds = text.toDouble(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}

FaultList::FaultList(QWidget *parent) : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;

    add_ = new QPushButton(tr("Add fault"), this);
    add_->setToolTip(tr("Script a fault or an operator action at the playhead"));
    auto *menu = new QMenu(add_);
    menu->setToolTipsVisible(true);
    for (const auto &[name, kind] : model::fault_kind_names()) {
        QAction *action = menu->addAction(fault_kind_label(kind));
        action->setToolTip(fault_kind_help(kind));
        connect(action, &QAction::triggered, this,
                [this, k = kind] { emit fault_add_requested(k); });
        if (kind == model::FaultKind::health_checker_impaired)
            menu->addSeparator(); // the operator actions follow
    }
    add_->setMenu(menu);
    bar->addWidget(add_);

    remove_ = new QPushButton(tr("Remove"), this);
    remove_->setToolTip(tr("Remove the selected fault (Delete)"));
    remove_->setEnabled(false);
    connect(remove_, &QPushButton::clicked, this, &FaultList::remove_selected);
    bar->addWidget(remove_);
    bar->addStretch(1);
    layout->addLayout(bar);

    empty_ =
        new QLabel(tr("No faults yet: everything stays up. Use Add fault to script one."), this);
    empty_->setWordWrap(true);
    layout->addWidget(empty_);

    tree_ = new QTreeWidget(this);
    tree_->setColumnCount(4);
    tree_->setHeaderLabels({tr("Time"), tr("Kind"), tr("Target"), tr("Until")});
    QTreeWidgetItem *header = tree_->headerItem();
    header->setToolTip(kTime, tr("When it starts (minutes:seconds on the run's clock); click a "
                                 "selected time to change it"));
    header->setToolTip(kKind, tr("What happens"));
    header->setToolTip(kTarget, tr("What it hits"));
    header->setToolTip(kUntil, tr("When it ends; lasting faults without an end last to the end "
                                  "of the run, operator actions happen once"));
    tree_->setRootIsDecorated(false);
    tree_->setAlternatingRowColors(true);
    tree_->setUniformRowHeights(true);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree_->setEditTriggers(QAbstractItemView::SelectedClicked | QAbstractItemView::EditKeyPressed);
    tree_->header()->setSectionResizeMode(kTime, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(kKind, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(kTarget, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(kUntil, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);
    tree_->setAccessibleName(tr("Faults"));
    tree_->setItemDelegate(new TimeDelegate(
        [this](const QModelIndex &index, const QString &text) { retime(index, text); }, tree_));
    tree_->installEventFilter(this);
    layout->addWidget(tree_, 1);

    connect(tree_, &QTreeWidget::itemSelectionChanged, this,
            [this] { remove_->setEnabled(!tree_->selectedItems().isEmpty()); });
    connect(tree_, &QTreeWidget::itemDoubleClicked, this, &FaultList::choose);
}

FaultList::~FaultList() {
    // An open time editor commits when it loses focus: let that happen while this is whole.
    tree_->disconnect(this);
    delete tree_;
}

void FaultList::show_scenario(const model::Scenario &s) {
    const QString selected = selected_fault();
    std::vector<std::size_t> order(s.faults.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return s.faults[a].at_ms < s.faults[b].at_ms;
    });

    const QSignalBlocker quiet(tree_);
    tree_->clear();
    QList<QTreeWidgetItem *> items;
    for (std::size_t i : order) {
        const model::Fault &f = s.faults[i];
        // The reader names a fault without an id by its place, as the writer does.
        const QString id =
            f.id.empty() ? QStringLiteral("fault-%1").arg(i + 1) : QString::fromStdString(f.id);
        const bool lasts = fault_lasts(f.kind);
        auto *item = new QTreeWidgetItem;
        item->setText(kTime, minutes_seconds(f.at_ms));
        item->setText(kKind, fault_kind_label(f.kind));
        item->setText(kTarget, fault_target(f));
        if (!lasts)
            item->setText(kUntil, tr("(once)"));
        else if (f.until_ms)
            item->setText(kUntil, minutes_seconds(*f.until_ms));
        else
            item->setText(kUntil, tr("(end of run)"));
        item->setData(kTime, kIdRole, id);
        item->setData(kTime, kMsRole, static_cast<qlonglong>(f.at_ms));
        if (lasts && f.until_ms)
            item->setData(kUntil, kMsRole, static_cast<qlonglong>(*f.until_ms));
        item->setData(kTime, kLastsRole, lasts);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        const QString tip = tr("%1 (%2)\n%3\nDouble-click to move the playhead here; click a "
                               "selected time to change it.")
                                .arg(fault_kind_label(f.kind), id, fault_kind_help(f.kind));
        for (int c = kTime; c <= kUntil; ++c)
            item->setToolTip(c, tip);
        if (!lasts || !f.until_ms)
            item->setForeground(kUntil, tree_->palette().brush(QPalette::Disabled, QPalette::Text));
        items.append(item);
    }
    tree_->addTopLevelItems(items);
    empty_->setVisible(items.isEmpty());
    select_fault(selected);
    remove_->setEnabled(!tree_->selectedItems().isEmpty());
}

QString FaultList::selected_fault() const {
    const QList<QTreeWidgetItem *> items = tree_->selectedItems();
    return items.isEmpty() ? QString() : items.front()->data(kTime, kIdRole).toString();
}

void FaultList::select_fault(const QString &id) {
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree_->topLevelItem(i);
        if (!id.isEmpty() && item->data(kTime, kIdRole).toString() == id) {
            tree_->setCurrentItem(item);
            tree_->scrollToItem(item);
            return;
        }
    }
    tree_->clearSelection();
}

bool FaultList::eventFilter(QObject *watched, QEvent *event) {
    // While a time is being edited, keys go to its editor, not here.
    if (watched == tree_ && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            remove_selected();
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            choose(tree_->currentItem());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FaultList::remove_selected() {
    const QString id = selected_fault();
    if (!id.isEmpty())
        emit fault_remove_requested(id);
}

void FaultList::choose(QTreeWidgetItem *item) {
    if (item)
        emit fault_chosen(item->data(kTime, kIdRole).toString(),
                          item->data(kTime, kMsRole).toLongLong());
}

void FaultList::retime(const QModelIndex &index, const QString &text) {
    const double seconds = parse_minutes_seconds(text);
    const QString id = index.siblingAtColumn(kTime).data(kIdRole).toString();
    const QVariant shown = index.data(kMsRole);
    if (id.isEmpty() || seconds < 0 ||
        (shown.isValid() && std::llround(seconds * 1000) == shown.toLongLong()))
        return;
    const QString field =
        index.column() == kTime ? QStringLiteral("at_s") : QStringLiteral("until_s");
    const QString value = json_number(seconds, 3);
    // After the editor has closed: the document answers by calling show_scenario(), which
    // rebuilds the rows the editor belongs to.
    QMetaObject::invokeMethod(
        this, [this, id, field, value] { emit fault_edit_requested(id, field, value); },
        Qt::QueuedConnection);
}

} // namespace widgets
