#include "summarydiff.h"

#include "okabeito.h"
#include "rtobars.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace widgets {
namespace {

constexpr double kBarHeight = 16;
constexpr double kRowGap = 4;

model::Ms seconds_to_ms(double s) {
    return static_cast<model::Ms>(std::llround(s * 1000.0));
}

QColor side_colour(bool b, const QPalette &palette) {
    return okabe_ito(b ? OkabeIto::sky_blue : OkabeIto::orange, palette);
}

} // namespace

RtoPairBars::RtoPairBars(QWidget *parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("RTO of A and B taken apart"));
}

void RtoPairBars::set_reports(std::shared_ptr<const model::Report> a,
                              std::shared_ptr<const model::Report> b) {
    a_ = std::move(a);
    b_ = std::move(b);
    updateGeometry();
    update();
}

std::vector<RtoPairBars::Row> RtoPairBars::rows() const {
    std::vector<Row> out;
    if (!a_ || !b_)
        return out;
    const auto applies = [](const model::Rto &r) {
        return r.status != model::RtoStatus::not_applicable;
    };
    if (applies(a_->summary.read) || applies(b_->summary.read)) {
        out.push_back({tr("Reads, A"), &a_->summary.read});
        out.push_back({tr("Reads, B"), &b_->summary.read});
    }
    if (applies(a_->summary.write) || applies(b_->summary.write)) {
        out.push_back({tr("Writes, A"), &a_->summary.write});
        out.push_back({tr("Writes, B"), &b_->summary.write});
    }
    return out;
}

double RtoPairBars::bar_left() const {
    const QFontMetricsF fm(font());
    return fm.horizontalAdvance(tr("Writes, B")) + 16;
}

double RtoPairBars::bar_room() const {
    const QFontMetricsF fm(font());
    return std::max(40.0, width() - bar_left() - fm.horizontalAdvance(tr("not recovered")) - 16);
}

double RtoPairBars::px_per_ms() const {
    model::Ms longest = 0;
    for (const Row &r : rows())
        longest = std::max(longest, r.rto->breakdown.total());
    return longest > 0 ? bar_room() / static_cast<double>(longest) : 0;
}

QSize RtoPairBars::sizeHint() const {
    const QFontMetricsF fm(font());
    const double line = std::max(fm.height(), kBarHeight);
    const int n = static_cast<int>(rows().size());
    // Each row, a gap between reads and writes, and the legend.
    return {480, static_cast<int>(n * (line + kRowGap) + line + 14 + (n > 2 ? 6 : 0))};
}

QSize RtoPairBars::minimumSizeHint() const {
    return {240, sizeHint().height()};
}

void RtoPairBars::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QPalette &pal = palette();
    const QFontMetricsF fm(font());
    const double line = std::max(fm.height(), kBarHeight);
    const double left = bar_left();
    const double scale = px_per_ms();
    double y = 4;
    bool used[kRtoParts] = {};
    const std::vector<Row> all = rows();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Row &row = all[i];
        if (i == 2)
            y += 6; // writes apart from reads
        const bool is_b = i % 2 == 1;
        // The side's badge colour beside its label, so A and B read the same as on the maps.
        p.fillRect(QRectF(4, y + 2, 4, line - 4), side_colour(is_b, pal));
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRectF(12, y, left - 12, line), Qt::AlignVCenter | Qt::AlignLeft, row.label);
        const QRectF bar(left, y + (line - kBarHeight) / 2, 0, kBarHeight);
        double end = left;
        if (row.rto->ms && scale > 0) {
            for (const RtoSegment &s : rto_segments(row.rto->breakdown, left, scale)) {
                const QRectF r(s.x, bar.top(), s.width, kBarHeight);
                p.fillRect(r, part_colour(s.part, pal));
                used[static_cast<int>(s.part)] = true;
                end = r.right();
            }
            // B's bar outlined dashed, as its chart lines are.
            QPen outline(pal.color(QPalette::WindowText), 1, is_b ? Qt::DashLine : Qt::SolidLine);
            p.setPen(outline);
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(left, bar.top(), end - left, kBarHeight));
        }
        const QString text = row.rto->ms ? duration_text(*row.rto->ms) : rto_status_text(*row.rto);
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRectF(end + 6, y, width() - end - 6, line), Qt::AlignVCenter | Qt::AlignLeft,
                   text);
        y += line + kRowGap;
    }
    // The legend: only the parts on show.
    double x = left;
    for (int k = 0; k < kRtoParts; ++k) {
        if (!used[k])
            continue;
        const auto part = static_cast<RtoPart>(k);
        const QString name = part_name(part);
        p.fillRect(QRectF(x, y + 3, 10, 10), part_colour(part, pal));
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QPointF(x + 14, y + fm.ascent()), name);
        x += 14 + fm.horizontalAdvance(name) + 14;
    }
}

SummaryDiff::SummaryDiff(QWidget *parent) : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    headline_ = new QLabel(this);
    headline_->setWordWrap(true);
    headline_->setTextFormat(Qt::RichText);
    bars_ = new RtoPairBars(this);
    table_ = new QTextBrowser(this);
    table_->setOpenLinks(false);
    table_->document()->setUndoRedoEnabled(false);
    layout->addWidget(headline_);
    layout->addWidget(bars_);
    layout->addWidget(table_, 1);
    setAccessibleName(tr("Difference between A and B"));
    setToolTip(tr("Each figure the model computed for A and for B, and the change from A to B"));
}

QString SummaryDiff::figure_label(const std::string &f) {
    static const std::pair<const char *, const char *> names[] = {
        {"rto_read_s", QT_TR_NOOP("RTO, reads")},
        {"rto_write_s", QT_TR_NOOP("RTO, writes")},
        {"rpo_s", QT_TR_NOOP("RPO")},
        {"lost_writes", QT_TR_NOOP("Acknowledged writes lost")},
        {"divergent_writes", QT_TR_NOOP("Divergent writes")},
        {"conflicts", QT_TR_NOOP("Conflicts")},
        {"failed", QT_TR_NOOP("Requests failed")},
        {"requests", QT_TR_NOOP("Requests")},
        {"downtime_s", QT_TR_NOOP("Downtime")},
        {"availability", QT_TR_NOOP("Availability over the run")},
        {"error_budget_used", QT_TR_NOOP("Error budget used")},
        {"p99_write_latency_ms", QT_TR_NOOP("p99 write latency")},
        {"cost_multiplier", QT_TR_NOOP("Cost (x a single region)")},
        {"moved_50_s", QT_TR_NOOP("50 % of clients moved")},
        {"moved_90_s", QT_TR_NOOP("90 % of clients moved")},
        {"moved_99_s", QT_TR_NOOP("99 % of clients moved")},
        {"break_even.monthly_cost", QT_TR_NOOP("Monthly cost")},
        {"break_even.extra_cost_per_year", QT_TR_NOOP("Extra cost a year")},
        {"break_even.outage_cost_per_year", QT_TR_NOOP("Cost of the outages a year")},
    };
    for (const auto &[key, text] : names)
        if (f == key)
            return tr(text);
    // The breakdown rows: "Reads: detection".
    for (const char *side : {"read", "write"}) {
        const std::string prefix = std::string("rto_breakdown.") + side + ".";
        if (f.rfind(prefix, 0) != 0)
            continue;
        const std::string part = f.substr(prefix.size());
        static const std::pair<const char *, RtoPart> parts[] = {
            {"detection_s", RtoPart::detection},
            {"propagation_s", RtoPart::propagation},
            {"client_cache_s", RtoPart::client_cache},
            {"promotion_s", RtoPart::promotion},
            {"warmup_s", RtoPart::warmup},
            {"other_s", RtoPart::other}};
        for (const auto &[key, value] : parts)
            if (part == key)
                return (side[0] == 'r' ? tr("RTO, reads: %1") : tr("RTO, writes: %1"))
                    .arg(part_name(value).toLower());
    }
    return QString::fromStdString(f);
}

QString SummaryDiff::value_text(const model::SideValue &v, model::FigureUnit unit) {
    if (!v.value)
        return v.not_recovered ? tr("not recovered") : tr("n/a");
    const double x = *v.value;
    const QLocale locale;
    switch (unit) {
    case model::FigureUnit::seconds:
        return duration_text(seconds_to_ms(x));
    case model::FigureUnit::milliseconds:
        return tr("%1 ms").arg(locale.toString(x, 'f', 0));
    case model::FigureUnit::count:
    case model::FigureUnit::money:
        return locale.toString(static_cast<qlonglong>(std::llround(x)));
    case model::FigureUnit::share:
        return tr("%1 %").arg(locale.toString(x * 100.0, 'f', 3));
    case model::FigureUnit::multiplier:
        return tr("%1x").arg(locale.toString(x, 'f', 2));
    }
    return {};
}

QString SummaryDiff::delta_text(double d, model::FigureUnit unit) {
    const QString sign = d > 0 ? QStringLiteral("+") : d < 0 ? QStringLiteral("\u2212") : QString();
    const double size = std::fabs(d);
    const QLocale locale;
    switch (unit) {
    case model::FigureUnit::seconds:
        return sign + duration_text(seconds_to_ms(size));
    case model::FigureUnit::share:
        return sign + tr("%1 percentage points").arg(locale.toString(size * 100.0, 'f', 3));
    default:
        return sign + value_text({size, false}, unit);
    }
}

QString SummaryDiff::verdict_text(model::Change change) {
    switch (change) {
    case model::Change::better:
        return tr("\u2713 better");
    case model::Change::worse:
        return tr("\u2717 worse");
    case model::Change::same:
        return tr("= same");
    case model::Change::changed:
        return tr("\u2260 changed");
    case model::Change::not_comparable:
        return tr("n/a on one side");
    }
    return {};
}

void SummaryDiff::show_diff(std::vector<model::FigureDiff> diffs,
                            std::shared_ptr<const model::Report> a,
                            std::shared_ptr<const model::Report> b, const QString &a_name,
                            const QString &b_name) {
    diffs_ = std::move(diffs);
    a_ = std::move(a);
    b_ = std::move(b);
    a_name_ = a_name;
    b_name_ = b_name;
    bars_->set_reports(a_, b_);
    rebuild();
}

QString SummaryDiff::html() const {
    const QPalette &pal = palette();
    const QString good = okabe_ito(OkabeIto::blue, pal).name();
    const QString bad = okabe_ito(OkabeIto::vermillion, pal).name();
    const auto cell = [](const QString &text, const char *align = "right",
                         const QString &style = {}) {
        return QStringLiteral("<td align=\"%1\"%2>%3</td>")
            .arg(QLatin1String(align),
                 style.isEmpty() ? QString() : QStringLiteral(" style=\"%1\"").arg(style), text);
    };
    QString rows =
        QStringLiteral("<tr><th align=\"left\">%1</th><th align=\"right\">%2</th>"
                       "<th align=\"right\">%3</th><th align=\"right\">%4</th>"
                       "<th align=\"left\">%5</th></tr>")
            .arg(tr("Figure"), tr("A: %1").arg(a_name_.toHtmlEscaped()),
                 tr("B: %1").arg(b_name_.toHtmlEscaped()), tr("Change (B \u2212 A)"), tr("B is"));
    for (const model::FigureDiff &d : diffs_) {
        const bool better = d.change == model::Change::better;
        const bool worse = d.change == model::Change::worse;
        const QString style = better  ? QStringLiteral("color:%1; font-weight:bold").arg(good)
                              : worse ? QStringLiteral("color:%1; font-weight:bold").arg(bad)
                                      : QString();
        rows += QStringLiteral("<tr>") + cell(figure_label(d.figure).toHtmlEscaped(), "left") +
                cell(value_text(d.a, d.unit)) + cell(value_text(d.b, d.unit)) +
                cell(d.delta ? delta_text(*d.delta, d.unit) : QStringLiteral("\u2013")) +
                cell(verdict_text(d.change), "left", style) + QStringLiteral("</tr>");
    }
    return QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\">%1</table>")
        .arg(rows);
}

void SummaryDiff::rebuild() {
    int better = 0, worse = 0;
    for (const model::FigureDiff &d : diffs_) {
        better += d.change == model::Change::better;
        worse += d.change == model::Change::worse;
    }
    if (!a_ || !b_) {
        headline_->setText(tr("Waiting for both runs\u2026"));
    } else {
        const QString fault =
            a_->summary_fault.empty()
                ? tr("No scripted fault: the figures measure steady state.")
                : tr("Recovery from %1.")
                      .arg(QString::fromStdString(a_->summary_fault).toHtmlEscaped());
        headline_->setText(tr("<b>B is better in %1 and worse in %2 of %3 figures.</b> %4")
                               .arg(better)
                               .arg(worse)
                               .arg(diffs_.size())
                               .arg(fault));
    }
    const int scroll = table_->verticalScrollBar()->value();
    table_->setHtml(html());
    table_->verticalScrollBar()->setValue(scroll);
}

void SummaryDiff::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

} // namespace widgets
