#include "eventlist.h"

#include "model/sentences.h"

#include <QCoreApplication>
#include <QHeaderView>

namespace widgets {

QString event_sentence(const model::Event &event) {
    const std::string key = model::sentence_key(event);
    const QString templ = QCoreApplication::translate("sentences", model::sentence_template(key));
    return QString::fromStdString(model::fill_sentence(templ.toStdString(), event));
}

EventList::EventList(QWidget *parent) : QTreeWidget(parent) {
    setColumnCount(2);
    setHeaderLabels({tr("Time"), tr("What happened")});
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    // The clock column is as wide as the longest clock time, one with milliseconds: sizing it
    // to its contents would measure every row of a long run at each layout.
    header()->setSectionResizeMode(0, QHeaderView::Fixed);
    setColumnWidth(0, fontMetrics().horizontalAdvance(
                          QString::fromStdString(model::format_clock(kWidestClockMs))) +
                          24);
    setToolTip(tr("Every event of the run, in order. Select one to see its time."));
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            emit event_chosen(item->data(0, Qt::UserRole).toLongLong());
    });
}

void EventList::show_report(std::shared_ptr<const model::Report> report) {
    pending_ = std::move(report);
    if (isVisible())
        apply();
}

void EventList::showEvent(QShowEvent *event) {
    QTreeWidget::showEvent(event);
    apply();
}

void EventList::apply() {
    if (!pending_)
        return;
    const std::shared_ptr<const model::Report> report = std::move(pending_);
    pending_.reset();
    clear();
    QList<QTreeWidgetItem *> items;
    for (const auto &e : report->run.events) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, QString::fromStdString(model::format_clock(e.t_ms)));
        item->setText(1, event_sentence(e));
        item->setToolTip(1, item->text(1));
        item->setData(0, Qt::UserRole, static_cast<qlonglong>(e.t_ms));
        items.append(item);
    }
    addTopLevelItems(items);
}

} // namespace widgets
