// Prints the cost of the event queue and of running each built-in scenario. A benchmark, not
// a test: the figures go to the README and the issue notes.
#include "model/event_queue.h"
#include "model/random.h"
#include "model/scenario_json.h"
#include "model/simulation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <queue>
#include <vector>

using namespace model;
using Clock = std::chrono::steady_clock;

namespace {

struct Item {
    Ms t;
    std::uint64_t order;
    int payload;
    bool operator>(const Item &o) const { return t > o.t || (t == o.t && order > o.order); }
};

// Hold model: keep `pending` events queued; pop one, push one later, `ops` times.
double queue_ns(int pending, int ops) {
    EventQueue<int> q;
    Random r(1);
    for (int i = 0; i < pending; ++i)
        q.push(static_cast<Ms>(r.below(1000000)), i);
    const auto start = Clock::now();
    long long sink = 0;
    for (int i = 0; i < ops; ++i) {
        auto e = q.pop();
        sink += e.payload;
        q.push(e.t + static_cast<Ms>(r.below(1000000)), e.payload);
    }
    const double ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count();
    if (sink == 42)
        std::puts("");
    return ns / ops;
}

double std_queue_ns(int pending, int ops) {
    std::priority_queue<Item, std::vector<Item>, std::greater<>> q;
    Random r(1);
    std::uint64_t order = 0;
    for (int i = 0; i < pending; ++i)
        q.push(Item{static_cast<Ms>(r.below(1000000)), order++, i});
    const auto start = Clock::now();
    long long sink = 0;
    for (int i = 0; i < ops; ++i) {
        Item e = q.top();
        q.pop();
        sink += e.payload;
        q.push(Item{e.t + static_cast<Ms>(r.below(1000000)), order++, e.payload});
    }
    const double ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count();
    if (sink == 42)
        std::puts("");
    return ns / ops;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main() {
    const int pending = 10000, ops = 2000000;
    std::vector<double> ours, theirs;
    for (int i = 0; i < 5; ++i) {
        ours.push_back(queue_ns(pending, ops));
        theirs.push_back(std_queue_ns(pending, ops));
    }
    const double a = median(ours), b = median(theirs);
    std::printf("event queue, %d pending: %.1f ns per event (std::priority_queue %.1f ns, "
                "ratio %.2f)\n",
                pending, a, b, a / b);

    std::vector<std::string> files;
    for (const auto &e : std::filesystem::directory_iterator(std::string(FAILOVER_SOURCE_DIR) +
                                                             "/lessons/scenarios"))
        if (e.path().extension() == ".json")
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::printf("\n%-40s %10s %10s %10s %9s\n", "scenario", "median ms", "max ms", "simulated",
                "events");
    for (const auto &f : files) {
        const ScenarioLoad load = load_scenario_file(f);
        if (!load.scenario) {
            std::printf("%-40s does not load\n", f.c_str());
            continue;
        }
        std::vector<double> times;
        std::int64_t events = 0;
        for (int i = 0; i < 25; ++i) {
            const auto start = Clock::now();
            const Report r = simulate(*load.scenario);
            times.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            events = r.run.events_processed;
        }
        const double max = *std::max_element(times.begin(), times.end());
        std::printf("%-40s %10.2f %10.2f %9llds %9lld\n",
                    std::filesystem::path(f).filename().string().c_str(), median(times), max,
                    static_cast<long long>(load.scenario->settings.duration_ms / 1000),
                    static_cast<long long>(events));
    }
    // A heavier case than any built-in one: two hours, four populations of 5,000 clients at
    // 200 requests/s each, the writer's region failing and coming back twice.
    const ScenarioLoad base = load_scenario_file(std::string(FAILOVER_SOURCE_DIR) +
                                                 "/lessons/scenarios/dns-ttl-floor.json");
    if (base.scenario) {
        Scenario big = *base.scenario;
        big.settings.duration_ms = 2 * kHour;
        Population p = big.populations.front();
        big.populations.clear();
        for (int i = 0; i < 4; ++i) {
            p.id = "users-" + std::to_string(i);
            p.clients = 5000;
            p.rps = 200;
            p.where.lon -= 10.0 * i;
            big.populations.push_back(p);
        }
        big.faults.clear();
        for (int i = 0; i < 2; ++i) {
            Fault f;
            f.id = "outage-" + std::to_string(i);
            f.kind = FaultKind::region_outage;
            f.region = "us-east-1";
            f.at_ms = (10 + 50 * i) * kMinute;
            f.until_ms = f.at_ms + 20 * kMinute;
            big.faults.push_back(f);
        }
        std::vector<double> times;
        std::int64_t events = 0;
        for (int i = 0; i < 25; ++i) {
            const auto start = Clock::now();
            const Report r = simulate(big);
            times.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            events = r.run.events_processed;
        }
        std::printf("%-40s %10.2f %10.2f %9llds %9lld\n", "(2 h, 4 x 5000 clients, 800 rps)",
                    median(times), *std::max_element(times.begin(), times.end()),
                    static_cast<long long>(big.settings.duration_ms / 1000),
                    static_cast<long long>(events));
    }
    return 0;
}
