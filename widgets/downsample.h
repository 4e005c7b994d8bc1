#pragma once
// Thinning a series to what a plot can show, keeping its spikes.

#include <QList>
#include <QPointF>

#include <vector>

namespace widgets {

// Cuts [x_from, x_to] into `buckets` equal slices and keeps, of the points in each, the lowest
// and the highest in the order they come: at most 2 x buckets points, and no spike is lost.
// Points must be sorted by x. A series already short enough is returned whole.
QList<QPointF> downsample_min_max(const std::vector<QPointF> &points, double x_from, double x_to,
                                  int buckets);

} // namespace widgets
