#include "widgets/downsample.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

TEST_CASE("Min-max thinning keeps at most two points per bucket and every spike",
          "[charts][downsample]") {
    std::vector<QPointF> points;
    for (int i = 0; i < 10000; ++i)
        points.emplace_back(i / 100.0, i == 5003 ? 100.0 : (i == 7001 ? -40.0 : std::sin(i)));
    const QList<QPointF> thin = widgets::downsample_min_max(points, 0, 100, 300);
    CHECK(thin.size() <= 600);
    CHECK(thin.size() >= 300);
    const auto has = [&](double y) {
        return std::any_of(thin.begin(), thin.end(), [y](const QPointF &p) { return p.y() == y; });
    };
    CHECK(has(100.0));
    CHECK(has(-40.0));
    for (qsizetype i = 1; i < thin.size(); ++i)
        CHECK(thin[i - 1].x() < thin[i].x());
    const std::vector<QPointF> few(points.begin(), points.begin() + 100);
    CHECK(widgets::downsample_min_max(few, 0, 100, 300).size() == 100);
}
