#include "summaryview.h"

#include "rtobars.h"

#include <QCoreApplication>
#include <QLocale>
#include <QScrollBar>

namespace widgets {
namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("widgets::SummaryView", text);
}

QString maybe(const std::optional<model::Ms> &ms) {
    return ms ? duration_text(*ms) : tr("n/a");
}

QString rto_status(const model::Rto &rto) {
    return rto.ms ? QStringLiteral("<b>%1</b>").arg(duration_text(*rto.ms)) : rto_status_text(rto);
}

QString row(const QStringList &cells, bool header = false) {
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    QString out = QStringLiteral("<tr>");
    for (int i = 0; i < cells.size(); ++i)
        out += QStringLiteral("<%1 align=\"%2\">%3</%1>")
                   .arg(tag, i == 0 ? QStringLiteral("left") : QStringLiteral("right"), cells[i]);
    return out + QStringLiteral("</tr>");
}

QString table(const QString &body) {
    return QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\" border=\"1\">%1</table>")
        .arg(body);
}

QString percent(double share, int digits) {
    return QString::number(share * 100.0, 'f', digits);
}

// A share of the error budget: a percentage while it is within ten budgets, then how many
// times over (a region down for an hour spends a 99.999 % month's budget hundreds of times).
QString budget_text(double used) {
    if (used <= 10.0)
        return tr("%1 %").arg(QLocale().toString(used * 100.0, 'f', 1));
    return tr("%1 times the budget").arg(QLocale().toString(used, 'f', 0));
}

} // namespace

SummaryView::SummaryView(QWidget *parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    // A scroll bar that comes and goes makes every new report lay out twice (with and without
    // it); one always there lays out once.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    document()->setUndoRedoEnabled(false);
    setToolTip(tr("The figures the model computed for this run"));
}

QString SummaryView::html(const model::Report &report) {
    const model::Figures &s = report.summary;
    QString out;
    out += QStringLiteral("<h3>%1</h3>")
               .arg(report.summary_fault.empty()
                        ? tr("No scripted fault: the run measures steady state")
                        : tr("Recovery from %1")
                              .arg(QString::fromStdString(report.summary_fault).toHtmlEscaped()));
    // The RTO taken apart, reads beside writes.
    QString rto = row({tr("RTO"), tr("Reads"), tr("Writes")}, true);
    rto += row({tr("Total"), rto_status(s.read), rto_status(s.write)});
    const auto part = [&](const QString &name, model::Ms model::Breakdown::*field) {
        const auto cell = [&](const model::Rto &r) {
            return r.ms ? duration_text(r.breakdown.*field) : QStringLiteral("-");
        };
        rto += row({name, cell(s.read), cell(s.write)});
    };
    if (s.read.ms || s.write.ms) {
        part(tr("Detection"), &model::Breakdown::detection);
        part(tr("Propagation"), &model::Breakdown::propagation);
        part(tr("Client caches"), &model::Breakdown::client_cache);
        part(tr("Promotion"), &model::Breakdown::promotion);
        part(tr("Warm-up"), &model::Breakdown::warmup);
        part(tr("Other"), &model::Breakdown::other);
    }

    QString data = row({tr("Figure"), tr("Value")}, true);
    data += row({tr("RPO"), maybe(s.rpo_ms)});
    data += row({tr("Acknowledged writes lost"), QString::number(s.lost_writes)});
    data += row({tr("Divergent writes"), QString::number(s.divergent_writes)});
    data += row({tr("Conflicts"), QString::number(s.conflicts)});
    data += row({tr("Requests failed"), tr("%1 of %2").arg(s.failed).arg(s.requests)});
    data += row({tr("Downtime"), duration_text(s.downtime_ms)});
    data += row({tr("Availability over the run"), tr("%1 %").arg(percent(s.availability, 3))});
    data += row({tr("Error budget used (SLO %1 %, in the scenario's settings)")
                     .arg(QLocale().toString(report.slo * 100.0, 'g', 6)),
                 budget_text(s.error_budget_used)});
    data += row({tr("p99 write latency"),
                 s.p99_write_latency_ms ? tr("%1 ms").arg(*s.p99_write_latency_ms) : tr("n/a")});
    data += row(
        {tr("Clients moved: 50 % / 90 % / 99 %"),
         tr("%1 / %2 / %3").arg(maybe(s.moved50_ms), maybe(s.moved90_ms), maybe(s.moved99_ms))});
    data +=
        row({tr("Cost"), tr("%1 x a single-region baseline").arg(s.cost_multiplier, 0, 'f', 2)});
    // Side by side: the RTO on the left, the other figures beside it. Floating tables lay
    // out several times faster than one table nested in another.
    out +=
        QStringLiteral("<table align=\"left\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\">%1"
                       "</table>%2<br clear=\"all\">")
            .arg(rto, table(data));

    if (!report.populations.empty()) {
        QString pops =
            row({tr("Population"), tr("Succeeded"), tr("Read RTO"), tr("Write RTO")}, true);
        for (const auto &p : report.populations)
            pops += row({QString::fromStdString(p.id).toHtmlEscaped(),
                         tr("%1 %").arg(percent(p.figures.availability, 2)),
                         rto_status(p.figures.read), rto_status(p.figures.write)});
        out += QStringLiteral("<p></p>") + table(pops);
    }
    if (report.faults.size() > 1) {
        QString faults = row({tr("Fault"), tr("At"), tr("Read RTO"), tr("Write RTO")}, true);
        for (const auto &f : report.faults)
            faults += row({QString::fromStdString(f.id + " (" + f.kind + ")").toHtmlEscaped(),
                           duration_text(f.at_ms), rto_status(f.figures.read),
                           rto_status(f.figures.write)});
        out += QStringLiteral("<p></p>") + table(faults);
    }
    if (report.break_even) {
        const model::BreakEven &b = *report.break_even;
        QString be = row({tr("Break-even (per year)"), tr("Value")}, true);
        be += row({tr("Monthly cost of this design"), QString::number(b.monthly_cost, 'f', 0)});
        be +=
            row({tr("Extra cost over one region"), QString::number(b.extra_cost_per_year, 'f', 0)});
        be += row(
            {tr("Downtime per outage (min)"), QString::number(b.downtime_min_per_outage, 'f', 1)});
        be += row({tr("Cost of the outages"), QString::number(b.outage_cost_per_year, 'f', 0)});
        out += QStringLiteral("<p></p>") + table(be);
    }
    return out;
}

void SummaryView::show_report(std::shared_ptr<const model::Report> report) {
    pending_ = std::move(report);
    if (isVisible())
        apply();
}

void SummaryView::apply() {
    if (!pending_)
        return;
    const QString text = html(*pending_);
    pending_.reset();
    if (text == shown_html_)
        return; // laying the same tables out again would only cost time
    shown_html_ = text;
    const int scroll = verticalScrollBar()->value();
    setHtml(text);
    verticalScrollBar()->setValue(scroll);
}

void SummaryView::showEvent(QShowEvent *event) {
    QTextBrowser::showEvent(event);
    apply();
}

} // namespace widgets
