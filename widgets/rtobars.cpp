#include "rtobars.h"
#include "qtext.h"

#include "okabeito.h"

#include <QCoreApplication>

namespace widgets {
namespace {} // namespace

model::Ms part_ms(const model::Breakdown &breakdown, RtoPart part) {
    switch (part) {
    case RtoPart::detection:
        return breakdown.detection;
    case RtoPart::propagation:
        return breakdown.propagation;
    case RtoPart::client_cache:
        return breakdown.client_cache;
    case RtoPart::promotion:
        return breakdown.promotion;
    case RtoPart::warmup:
        return breakdown.warmup;
    case RtoPart::other:
        return breakdown.other;
    }
    return 0;
}

QString part_name(RtoPart part) {
    switch (part) {
    case RtoPart::detection:
        return timeline_tr("Detection");
    case RtoPart::propagation:
        return timeline_tr("Propagation");
    case RtoPart::client_cache:
        return timeline_tr("Client caches");
    case RtoPart::promotion:
        return timeline_tr("Promotion");
    case RtoPart::warmup:
        return timeline_tr("Warm-up");
    case RtoPart::other:
        return timeline_tr("Other");
    }
    return {};
}

QString part_meaning(RtoPart part) {
    switch (part) {
    case RtoPart::detection:
        return timeline_tr("until health checks, or the database, declared the failure");
    case RtoPart::propagation:
        return timeline_tr("until the new DNS answer or writer endpoint was live");
    case RtoPart::client_cache:
        return timeline_tr("while clients and app tiers kept a cached answer");
    case RtoPart::promotion:
        return timeline_tr("while a replica was promoted to take writes");
    case RtoPart::warmup:
        return timeline_tr("while a warm standby scaled up to full capacity");
    case RtoPart::other:
        return timeline_tr("the rest: the success rate settling, and causes with no milestone");
    }
    return {};
}

QColor part_colour(RtoPart part, const QPalette &palette) {
    switch (part) {
    case RtoPart::detection:
        return okabe_ito(OkabeIto::orange, palette);
    case RtoPart::propagation:
        return okabe_ito(OkabeIto::sky_blue, palette);
    case RtoPart::client_cache:
        return okabe_ito(OkabeIto::reddish_purple, palette);
    case RtoPart::promotion:
        return okabe_ito(OkabeIto::blue, palette);
    case RtoPart::warmup:
        return okabe_ito(OkabeIto::bluish_green, palette);
    case RtoPart::other:
        return okabe_ito(OkabeIto::grey, palette);
    }
    return {};
}

std::vector<RtoSegment> rto_segments(const model::Breakdown &breakdown, double x,
                                     double px_per_ms) {
    std::vector<RtoSegment> out;
    model::Ms before = 0;
    for (int i = 0; i < kRtoParts; ++i) {
        const auto part = static_cast<RtoPart>(i);
        const model::Ms ms = part_ms(breakdown, part);
        if (ms <= 0)
            continue;
        const double from = x + static_cast<double>(before) * px_per_ms;
        before += ms;
        const double to = x + static_cast<double>(before) * px_per_ms;
        out.push_back({part, ms, from, to - from});
    }
    return out;
}

QString duration_text(model::Ms ms) {
    return QString::fromStdString(model::format_duration(ms));
}

QString rto_status_text(const model::Rto &rto) {
    switch (rto.status) {
    case model::RtoStatus::not_recovered:
        return timeline_tr("not recovered by the end of the run");
    case model::RtoStatus::baseline_below_threshold:
        return timeline_tr("n/a: below 99 % already before the fault");
    case model::RtoStatus::ok:
        if (rto.ms)
            return duration_text(*rto.ms);
        break;
    case model::RtoStatus::not_applicable:
        break;
    }
    return timeline_tr("n/a: no fault, or no such requests");
}

} // namespace widgets
