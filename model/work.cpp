#include "work.h"

#include "limits.h"

#include <algorithm>

namespace model {
namespace {

// 1234567 as "1,234,567".
std::string grouped(std::uint64_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

// The values one step records: per population six totals and, per app tier and the "no
// answer" slot, requests and failures; per region its requests; per database replica its lag;
// the run's lost writes and conflicts.
std::uint64_t cells_per_step(const Scenario &s) {
    std::uint64_t lags = 0;
    for (const auto &d : s.databases)
        lags += d.replicas.size() + d.writers.size();
    const std::uint64_t per_population = 6 + 2 * (s.app_tiers.size() + 1);
    return s.populations.size() * per_population + s.regions.size() + lags + 2;
}

} // namespace

WorkEstimate estimate_work(const Scenario &s, std::optional<Ms> until) {
    WorkEstimate w;
    const Ms end = std::max<Ms>(until.value_or(s.settings.duration_ms), 1);
    const Ms step = std::max<Ms>(s.settings.step_ms, 1);
    w.steps = (end + step - 1) / step;
    const auto steps = static_cast<std::uint64_t>(w.steps);
    w.series_cells = cells_per_step(s) * steps;
    // 32-bit counters, but for the regions' 64-bit sums.
    w.series_bytes = w.series_cells * 4 + s.regions.size() * steps * 4;
    for (const auto &h : s.health_checks) {
        const Ms interval = std::max<Ms>(h.interval_ms, 1);
        w.probes += static_cast<std::uint64_t>(std::max(h.checkers, 0)) *
                    static_cast<std::uint64_t>(end / interval + 1);
    }
    for (const auto &a : s.accelerators) {
        const Ms interval = std::max<Ms>(a.interval_ms, 1);
        for (const auto &g : a.groups)
            w.probes += 15 * g.endpoints.size() * static_cast<std::uint64_t>(end / interval + 1);
    }
    return w;
}

std::optional<WorkRefusal> work_refusal(const Scenario &s, std::optional<Ms> until) {
    const WorkEstimate w = estimate_work(s, until);
    if (w.series_cells > limits::kSeriesCells) {
        const std::uint64_t per_step = cells_per_step(s);
        // The finest sample step (a multiple of 100 ms) at which this run fits.
        const Ms end = std::max<Ms>(until.value_or(s.settings.duration_ms), 1);
        const auto fitting_steps = std::max<std::uint64_t>(limits::kSeriesCells / per_step, 1);
        Ms step =
            static_cast<Ms>((static_cast<std::uint64_t>(end) + fitting_steps - 1) / fitting_steps);
        step = (step + 99) / 100 * 100;
        std::string change = "use a coarser sample step (step_ms";
        if (step <= 60'000)
            change += " of at least " + std::to_string(step);
        change += "), a shorter run (duration_s), or fewer populations or app tiers";
        return WorkRefusal{
            "/settings/step_ms",
            "this run would record " + grouped(w.series_cells) + " values (" +
                grouped(static_cast<std::uint64_t>(w.steps)) + " steps of " + grouped(per_step) +
                ": " + std::to_string(s.populations.size()) + " populations x (" +
                std::to_string(s.app_tiers.size()) + " app tiers + 1), about " +
                grouped(w.series_bytes / (std::uint64_t{1024} * 1024)) + " MB); at most " +
                grouped(limits::kSeriesCells) + " are allowed: " + change};
    }
    if (w.probes > limits::kProbes)
        return WorkRefusal{"/health_checks",
                           "the health checks of this run could make " + grouped(w.probes) +
                               " probes; at most " + grouped(limits::kProbes) +
                               " are allowed: use fewer health checks or checkers, a 30 s "
                               "interval, or a shorter run (duration_s)"};
    return std::nullopt;
}

} // namespace model
