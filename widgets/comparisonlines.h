#pragma once
// The lines of two runs on one chart: design A's solid, design B's dashed in the next colours
// of the series, each named after its side, so that the two stay apart without colour.

#include "timechart.h"

#include <vector>

namespace widgets {

std::vector<ChartLine> overlay_lines(std::vector<ChartLine> a, std::vector<ChartLine> b);

} // namespace widgets
