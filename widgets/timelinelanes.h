#pragma once
// The rows of the timeline: one lane per component the run's events are about, in the order of
// the scenario's layers, and the category each event is drawn in.

#include "model/run.h"
#include "model/scenario.h"

#include <QString>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace widgets {

// What an event is about, for its marker's colour and shape.
enum class EventCategory { fault, health, dns, clients, database, data_loss, recovery };
constexpr int kEventCategories = 7;

EventCategory category_of(model::EventKind kind);
QString category_name(EventCategory category);

enum class LaneGroup {
    region,
    app_tier,
    data_store,
    database,
    health_check,
    dns,
    accelerator,
    distribution,
    population,
    service,
    other,
};

QString group_name(LaneGroup group);

struct Lane {
    LaneGroup group = LaneGroup::other;
    std::string id; // the event subject the lane gathers
    QString label;
    std::vector<std::size_t> events; // indices into Run::events, in time order
    std::vector<std::pair<model::Ms, model::Ms>> fault_spans; // while a fault on it lasts
};

// Lanes for the scenario's regions, databases, health checks, DNS names, accelerators and
// populations, the service's reads and writes, and any other subject an event names. A subject
// listing several regions ("us-east-1, eu-west-1") puts its event on each of their lanes.
std::vector<Lane> build_lanes(const model::Scenario &scenario, const model::Run &run);

} // namespace widgets
