#include "summaryview.h"

namespace widgets {
namespace {

QString duration(model::Ms ms) {
    return QString::fromStdString(model::format_duration(ms));
}

QString rto_line(const QString &label, const model::Rto &rto) {
    if (!rto.ms)
        return QObject::tr("%1: %2").arg(label, QString::fromStdString(rto.status));
    const auto &b = rto.breakdown;
    return QObject::tr("%1: <b>%2</b> = detection %3 + propagation %4 + client caches %5 + "
                       "promotion %6 + warm-up %7 + other %8")
        .arg(label, duration(*rto.ms), duration(b.detection), duration(b.propagation),
             duration(b.client_cache), duration(b.promotion), duration(b.warmup),
             duration(b.other));
}

} // namespace

SummaryView::SummaryView(QWidget *parent) : QLabel(parent) {
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setMargin(8);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setToolTip(tr("The figures the model computed for this run"));
}

void SummaryView::show_report(const model::Report &report) {
    const auto &s = report.summary;
    QStringList lines;
    lines << rto_line(tr("RTO for reads"), s.read) << rto_line(tr("RTO for writes"), s.write);
    lines << tr("RPO: %1; %2 acknowledged writes lost; %3 divergent writes; %4 conflicts")
                 .arg(s.rpo_ms ? duration(*s.rpo_ms) : tr("n/a"))
                 .arg(s.lost_writes)
                 .arg(s.divergent_writes)
                 .arg(s.conflicts);
    lines << tr("Availability over the run: %1 %; cost: %2 x a single-region baseline")
                 .arg(s.availability * 100.0, 0, 'f', 3)
                 .arg(s.cost_multiplier, 0, 'f', 2);
    setText(lines.join(QStringLiteral("<br>")));
}

} // namespace widgets
