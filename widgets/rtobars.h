#pragma once
// The RTO taken apart: the parts of a breakdown as segments of one horizontal bar.

#include "model/report.h"

#include <QColor>
#include <QPalette>
#include <QString>

#include <vector>

namespace widgets {

enum class RtoPart { detection, propagation, client_cache, promotion, warmup, other };
constexpr int kRtoParts = 6;

model::Ms part_ms(const model::Breakdown &breakdown, RtoPart part);
QString part_name(RtoPart part);
// One sentence on what the part is the time of, for tooltips.
QString part_meaning(RtoPart part);
QColor part_colour(RtoPart part, const QPalette &palette);

struct RtoSegment {
    RtoPart part = RtoPart::other;
    model::Ms ms = 0;
    double x = 0;
    double width = 0;
};

// The non-empty parts laid end to end from x at px_per_ms. Each segment starts where the parts
// before it end, so the widths add up to breakdown.total() x px_per_ms with no rounding drift.
std::vector<RtoSegment> rto_segments(const model::Breakdown &breakdown, double x, double px_per_ms);

// What the bar shows instead when the RTO has no value: "not recovered", "n/a" ...
QString rto_status_text(const model::Rto &rto);
// A duration as the model writes it: "16.8 s", "4 min 56 s".
QString duration_text(model::Ms ms);

} // namespace widgets
