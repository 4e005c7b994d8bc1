#pragma once
// A deliberately simple monthly cost model, in units where one app tier serving 1,000 requests
// per second costs 1, every part a share of the load it is sized for. It exists to compare
// designs (the multipliers of curriculum C4), not to price a bill; REPORT_FORMAT.md gives each
// constant and its reasoning.

#include "scenario.h"

namespace model {

struct CostFigures {
    double units = 0;      // this scenario's deployment
    double baseline = 0;   // one region, one AZ, sized for the same load
    double multiplier = 1; // units / baseline
};

CostFigures estimate_cost(const Scenario &scenario);

} // namespace model
