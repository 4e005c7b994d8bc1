#include "engine_kernel.h"

namespace model::engine {

Kernel::Kernel(const Scenario &s, std::uint64_t seed, Ms until)
    : scenario(s), topology(s), end(until), rng(seed) {
    out.seed = seed;
    out.step_ms = s.settings.step_ms;
    out.end_ms = until;
    out.steps = static_cast<int>((until + out.step_ms - 1) / out.step_ms);
    agenda.reserve(4096);
    const auto steps = static_cast<std::size_t>(out.steps);
    for (const auto &r : s.regions)
        out.region_ids.push_back(r.id);
    out.region_requests.assign(s.regions.size(), std::vector<std::int64_t>(steps));
    out.lost_writes_cumulative.assign(steps, 0);
    out.conflicts_cumulative.assign(steps, 0);
    for (const auto &pop : s.populations) {
        PopulationRun pr;
        pr.id = pop.id;
        out.populations.push_back(std::move(pr));
        PopulationSteps ps;
        ps.reads_ok.assign(steps, 0);
        ps.reads_failed.assign(steps, 0);
        ps.writes_ok.assign(steps, 0);
        ps.writes_failed.assign(steps, 0);
        ps.p50_ms.assign(steps, -1);
        ps.p99_ms.assign(steps, -1);
        ps.tier_requests.assign(s.app_tiers.size() + 1, std::vector<std::int32_t>(steps, 0));
        ps.tier_failed.assign(s.app_tiers.size() + 1, std::vector<std::int32_t>(steps, 0));
        out.population_steps.push_back(std::move(ps));
    }
}

void Kernel::emit(Ms t, EventKind kind, std::string subject,
                  std::vector<std::pair<std::string, Value>> data) {
    out.events.push_back(Event{t, seq_++, kind, std::move(subject), std::move(data)});
}

void Kernel::milestone(Ms t, Chain chain, Stage stage, int population) {
    out.milestones.push_back(Milestone{t, chain, stage, population});
}

} // namespace model::engine
