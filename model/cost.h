#pragma once
// A deliberately simple monthly cost model, in units where one app tier serving 1,000 requests
// per second on one AZ costs 1. It exists to compare designs (the multipliers of curriculum
// C4), not to price a bill.

#include "scenario.h"

namespace model {

struct CostFigures {
    double units = 0;      // this scenario's deployment
    double baseline = 0;   // the same peak capacity in one region, one AZ, one database
    double multiplier = 1; // units / baseline
};

CostFigures estimate_cost(const Scenario &scenario);

} // namespace model
