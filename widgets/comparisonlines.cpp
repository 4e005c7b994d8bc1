#include "comparisonlines.h"

#include <QCoreApplication>

namespace widgets {

std::vector<ChartLine> overlay_lines(std::vector<ChartLine> a, std::vector<ChartLine> b) {
    std::vector<ChartLine> out;
    out.reserve(a.size() + b.size());
    const int a_count = static_cast<int>(a.size());
    for (int i = 0; i < a_count; ++i) {
        ChartLine &line = a[static_cast<std::size_t>(i)];
        line.name = QCoreApplication::translate("widgets::ComparisonLines", "A: %1").arg(line.name);
        line.colour = i;
        line.style = Qt::SolidLine;
        out.push_back(std::move(line));
    }
    for (int i = 0; i < static_cast<int>(b.size()); ++i) {
        ChartLine &line = b[static_cast<std::size_t>(i)];
        line.name = QCoreApplication::translate("widgets::ComparisonLines", "B: %1").arg(line.name);
        line.colour = a_count + i;
        line.style = Qt::DashLine;
        out.push_back(std::move(line));
    }
    return out;
}

} // namespace widgets
