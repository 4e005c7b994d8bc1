#pragma once
// What the fault list calls each fault kind, what its tooltip says, and what a fault aims at.

#include "model/scenario.h"

#include <QString>

namespace widgets {

QString fault_kind_label(model::FaultKind kind);
QString fault_kind_help(model::FaultKind kind);

// Lasting kinds take an end time; operator actions happen once (model/SCENARIO_FORMAT.md).
bool fault_lasts(model::FaultKind kind);

// The part a fault hits, in a few words: "us-east-1", "orders-db → us-west-2".
QString fault_target(const model::Fault &fault);

// "10:00", "90:00", "00:02.5": a time on the run's clock in minutes and seconds.
QString minutes_seconds(model::Ms ms);

} // namespace widgets
