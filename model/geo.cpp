#include "geo.h"

#include "find.h"

#include <array>
#include <cmath>

namespace model {
namespace {

// Order of the measured matrix below.
constexpr std::array<std::string_view, 8> kMatrixIds = {
    "us-east-1",    "us-east-2",      "us-west-2",      "eu-west-1",
    "eu-central-1", "ap-southeast-1", "ap-northeast-1", "sa-east-1"};

// p50 RTT in ms, mean of both directions; the diagonal is between AZs of one region.
// Source: cloudping.co p50 over one year, snapshot 2025-05-29 (FACTS.md section 10).
constexpr int kMatrix[8][8] = {
    {5, 15, 64, 70, 93, 219, 149, 115},   {15, 5, 51, 80, 104, 203, 135, 125},
    {64, 51, 3, 118, 142, 161, 98, 175},  {70, 80, 118, 3, 27, 182, 201, 178},
    {93, 104, 142, 27, 4, 161, 227, 204}, {219, 203, 161, 182, 161, 4, 71, 327},
    {149, 135, 98, 201, 227, 71, 3, 258}, {115, 125, 175, 178, 204, 327, 258, 3},
};

int matrix_index(std::string_view id) {
    for (std::size_t i = 0; i < kMatrixIds.size(); ++i)
        if (kMatrixIds[i] == id)
            return static_cast<int>(i);
    return -1;
}

constexpr double kPi = 3.14159265358979323846;
double radians(double deg) {
    return deg * kPi / 180.0;
}

} // namespace

const std::vector<KnownRegion> &known_regions() {
    static const std::vector<KnownRegion> regions = {
        {"us-east-1", "N. Virginia", {39.05, -77.49}},
        {"us-east-2", "Ohio", {39.96, -83.00}},
        {"us-west-2", "Oregon", {45.52, -122.68}},
        {"eu-west-1", "Ireland", {53.35, -6.26}},
        {"eu-central-1", "Frankfurt", {50.11, 8.68}},
        {"ap-southeast-1", "Singapore", {1.35, 103.82}},
        {"ap-northeast-1", "Tokyo", {35.68, 139.65}},
        {"sa-east-1", "São Paulo", {-23.56, -46.64}},
    };
    return regions;
}

const KnownRegion *find_known_region(std::string_view id) {
    return find_by_id(known_regions(), id);
}

const std::vector<std::string> &checker_regions() {
    static const std::vector<std::string> regions = {
        "us-east-1",      "us-west-1",      "us-west-2",      "eu-west-1",
        "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"};
    return regions;
}

bool is_checker_region(std::string_view id) {
    for (const auto &r : checker_regions())
        if (r == id)
            return true;
    return false;
}

double great_circle_km(LatLon a, LatLon b) {
    const double dlat = radians(b.lat - a.lat);
    const double dlon = radians(b.lon - a.lon);
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(radians(a.lat)) * std::cos(radians(b.lat)) * std::sin(dlon / 2) *
                         std::sin(dlon / 2);
    return 2.0 * 6371.0 * std::asin(std::sqrt(std::fmin(1.0, h)));
}

Ms rtt_from_distance(double km, double route_factor) {
    const double ms = 2.0 * km / kFibreKmPerMs * route_factor;
    const auto rounded = static_cast<Ms>(std::llround(ms));
    return rounded < 1 ? 1 : rounded;
}

std::optional<Ms> measured_rtt(std::string_view a, std::string_view b) {
    const int i = matrix_index(a), j = matrix_index(b);
    if (i < 0 || j < 0)
        return std::nullopt;
    return kMatrix[i][j];
}

} // namespace model
