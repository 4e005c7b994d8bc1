#include "downsample.h"

#include <algorithm>
#include <cmath>

namespace widgets {

QList<QPointF> downsample_min_max(const std::vector<QPointF> &points, double x_from, double x_to,
                                  int buckets) {
    QList<QPointF> out;
    buckets = std::max(buckets, 1);
    if (points.size() <= 2 * static_cast<std::size_t>(buckets) || x_to <= x_from)
        return QList<QPointF>(points.begin(), points.end());
    out.reserve(2 * buckets);
    const double per_x = buckets / (x_to - x_from);
    const auto bucket_of = [&](const QPointF &p) {
        return std::clamp(static_cast<int>(std::floor((p.x() - x_from) * per_x)), 0, buckets - 1);
    };
    std::size_t low = 0, high = 0;
    int current = bucket_of(points.front());
    const auto flush = [&] {
        out.append(points[std::min(low, high)]);
        if (low != high)
            out.append(points[std::max(low, high)]);
    };
    for (std::size_t i = 1; i < points.size(); ++i) {
        const int b = bucket_of(points[i]);
        if (b != current) {
            flush();
            current = b;
            low = high = i;
            continue;
        }
        if (points[i].y() < points[low].y())
            low = i;
        if (points[i].y() > points[high].y())
            high = i;
    }
    flush();
    return out;
}

} // namespace widgets
