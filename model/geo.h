#pragma once
// Geography: known cloud regions, great-circle distance and round-trip times.

#include "sim_time.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace model {

struct LatLon {
    double lat = 0;
    double lon = 0;
};

struct KnownRegion {
    std::string id;
    std::string name;
    LatLon where;
};

// The regions with a measured round-trip matrix (FACTS.md section 10), with the metro
// coordinates that matrix was plotted with.
const std::vector<KnownRegion> &known_regions();
const KnownRegion *find_known_region(std::string_view id);

// The eight Route 53 health-checker regions (FACTS.md section 1).
const std::vector<std::string> &checker_regions();
bool is_checker_region(std::string_view id);

// Haversine distance on a sphere of radius 6371 km.
double great_circle_km(LatLon a, LatLon b);

// Light in fibre covers about 200 km per millisecond; real paths are longer than the great
// circle by route_factor (the facts sheet measures a median of about 1.5). Rounded to whole
// milliseconds so that no platform's last bit of sin/cos reaches a trace; at least 1 ms.
Ms rtt_from_distance(double km, double route_factor);

// The measured p50 round trip between two known regions (cloudping snapshot 2025-05-29).
std::optional<Ms> measured_rtt(std::string_view a, std::string_view b);

constexpr double kFibreKmPerMs = 200.0;
constexpr double kPublicRouteFactor = 1.5;
constexpr Ms kDefaultInterAzRtt = 2;

} // namespace model
