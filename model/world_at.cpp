#include "world_at.h"

#include <algorithm>

namespace model {
namespace {

int index_of(const std::vector<Region> &regions, const std::string &id) {
    for (std::size_t i = 0; i < regions.size(); ++i)
        if (regions[i].id == id)
            return static_cast<int>(i);
    return -1;
}

} // namespace

WorldAt world_at(const Scenario &s, const Report &r, Ms t, Ms recent_ms) {
    WorldAt w;
    const Run &run = r.run;
    w.t_ms = std::clamp<Ms>(t, 0, run.end_ms);
    w.ended = t >= run.end_ms;
    w.step = run.steps == 0 ? 0
                            : static_cast<int>(std::min<Ms>(w.t_ms / run.step_ms, run.steps - 1));
    const auto k = static_cast<std::size_t>(w.step);
    w.region_down.assign(s.regions.size(), false);
    w.az_down.resize(s.regions.size());
    for (std::size_t i = 0; i < s.regions.size(); ++i)
        w.az_down[i].assign(static_cast<std::size_t>(s.regions[i].azs), false);
    for (const auto &h : s.health_checks)
        w.endpoint_healthy[h.id] = true;
    for (const auto &d : s.databases) {
        DatabaseAt db;
        db.id = d.id;
        db.writer_region = d.writer.empty() && !d.writers.empty() ? d.writers.front() : d.writer;
        w.databases.push_back(db);
    }
    std::vector<int> region_count(s.regions.size(), 0);
    std::map<std::string, std::vector<std::string>> partitions; // fault id -> regions
    const auto database = [&](const std::string &id) -> DatabaseAt * {
        for (auto &d : w.databases)
            if (d.id == id)
                return &d;
        return nullptr;
    };
    w.population_target.assign(s.populations.size(), "");
    // Replay the events up to t.
    for (const auto &e : run.events) {
        if (e.t_ms > w.t_ms)
            break;
        if (e.t_ms > w.t_ms - recent_ms)
            w.recent.push_back(&e);
        const std::string kind = e.text("fault_kind");
        switch (e.kind) {
        case EventKind::fault_started:
        case EventKind::fault_ended: {
            const int delta = e.kind == EventKind::fault_started ? 1 : -1;
            if (kind == "region_outage") {
                const int ri = index_of(s.regions, e.subject);
                if (ri >= 0)
                    region_count[static_cast<std::size_t>(ri)] += delta;
            } else if (kind == "az_outage") {
                const int ri = index_of(s.regions, e.subject);
                const auto az = static_cast<std::size_t>(e.number("az", -1));
                if (ri >= 0 && az < w.az_down[static_cast<std::size_t>(ri)].size())
                    w.az_down[static_cast<std::size_t>(ri)][az] = delta > 0;
            } else if (kind == "partition") {
                for (const auto &f : s.faults)
                    if (f.id == e.text("fault")) {
                        if (delta > 0)
                            partitions[f.id] = f.regions;
                        else
                            partitions.erase(f.id);
                    }
            }
            break;
        }
        case EventKind::endpoint_unhealthy:
            w.endpoint_healthy[e.subject] = false;
            break;
        case EventKind::endpoint_healthy:
            w.endpoint_healthy[e.subject] = true;
            break;
        case EventKind::health_check_failed:
            w.checkers_failing[e.subject] = static_cast<int>(e.number("failing"));
            break;
        case EventKind::health_check_recovered:
            w.checkers_failing[e.subject] = 0;
            break;
        case EventKind::dns_answer_changed:
        case EventKind::accelerator_rerouted:
            for (std::size_t p = 0; p < s.populations.size(); ++p)
                if (s.populations[p].id == e.text("population"))
                    w.population_target[p] = e.text("to");
            break;
        case EventKind::writer_unavailable:
            if (auto *d = database(e.subject))
                d->writer_unavailable = true;
            break;
        case EventKind::writer_restored:
        case EventKind::az_failover_finished:
            if (auto *d = database(e.subject))
                d->writer_unavailable = false;
            break;
        case EventKind::promotion_started:
            if (auto *d = database(e.subject)) {
                d->promoting = true;
                d->promoting_region = e.text("region");
            }
            break;
        case EventKind::promotion_finished:
        case EventKind::switchover_finished:
            if (auto *d = database(e.subject)) {
                if (e.kind == EventKind::promotion_finished &&
                    std::find(d->old_writers.begin(), d->old_writers.end(), d->writer_region) ==
                        d->old_writers.end())
                    d->old_writers.push_back(d->writer_region);
                if (e.kind == EventKind::switchover_finished)
                    d->old_writers.erase(std::remove(d->old_writers.begin(), d->old_writers.end(),
                                                     e.text("region")),
                                         d->old_writers.end());
                d->writer_region = e.text("region");
                d->promoting = false;
                d->writer_unavailable = false;
            }
            break;
        default:
            break;
        }
    }
    for (std::size_t i = 0; i < region_count.size(); ++i)
        w.region_down[i] = region_count[i] > 0;
    for (auto &[id, regions] : partitions)
        w.partitions.push_back(regions);
    // The sampled series at the playhead's step.
    for (std::size_t p = 0; p < run.population_steps.size(); ++p) {
        const PopulationSteps &ps = run.population_steps[p];
        if (k >= ps.reads_ok.size()) {
            w.population_success.push_back(1.0);
            continue;
        }
        const double ok = ps.reads_ok[k] + ps.writes_ok[k];
        const double all = ok + ps.reads_failed[k] + ps.writes_failed[k];
        w.population_success.push_back(all > 0 ? ok / all : 1.0);
        for (std::size_t tier = 0; tier < ps.tier_requests.size(); ++tier) {
            const double n = ps.tier_requests[tier][k];
            if (n <= 0)
                continue;
            Flow f;
            f.population = static_cast<int>(p);
            f.tier = tier < s.app_tiers.size() ? static_cast<int>(tier) : -1;
            f.requests_per_s = n * 1000.0 / static_cast<double>(run.step_ms);
            f.failed_share = ps.tier_failed[tier][k] / n;
            w.flows.push_back(f);
        }
    }
    for (const auto &l : run.lags)
        if (auto *d = database(l.database); d && k < l.lag_ms.size())
            d->lag_ms[l.replica] = l.lag_ms[k];
    if (k < run.lost_writes_cumulative.size()) {
        w.lost_writes = run.lost_writes_cumulative[k];
        w.conflicts = run.conflicts_cumulative[k];
    }
    return w;
}

std::optional<Ms> next_event_time(const Report &r, Ms t) {
    for (const auto &e : r.run.events)
        if (e.t_ms > t && e.kind != EventKind::run_ended)
            return e.t_ms;
    return std::nullopt;
}

std::optional<Ms> previous_event_time(const Report &r, Ms t) {
    std::optional<Ms> out;
    for (const auto &e : r.run.events) {
        if (e.t_ms >= t)
            break;
        out = e.t_ms;
    }
    return out;
}

} // namespace model
