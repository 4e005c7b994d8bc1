#include "chartseries.h"

#include <QCoreApplication>

namespace widgets {
namespace {

QString charts_tr(const char *text) {
    return QCoreApplication::translate("widgets::ChartsPanel", text);
}

double step_minutes(const model::Run &run, std::size_t k) {
    return static_cast<double>(static_cast<model::Ms>(k) * run.step_ms) / 60000.0;
}

template <typename Values, typename Convert>
ChartLine line_of(const model::Run &run, QString name, const Values &values, Convert convert) {
    ChartLine line{std::move(name), {}};
    line.points.reserve(values.size());
    for (std::size_t k = 0; k < values.size(); ++k)
        if (const std::optional<double> v = convert(k); v)
            line.points.emplace_back(step_minutes(run, k), *v);
    return line;
}

QString population_name(const model::Run &run, std::size_t p) {
    return p < run.populations.size() ? QString::fromStdString(run.populations[p].id)
                                      : charts_tr("population %1").arg(p + 1);
}

} // namespace

std::vector<ChartLine> success_lines(const model::Run &run) {
    std::vector<ChartLine> out;
    for (std::size_t p = 0; p < run.population_steps.size(); ++p) {
        const model::PopulationSteps &s = run.population_steps[p];
        out.push_back(line_of(run, population_name(run, p), s.reads_ok,
                              [&s](std::size_t k) -> std::optional<double> {
                                  const double ok = s.reads_ok[k] + s.writes_ok[k];
                                  const double all = ok + s.reads_failed[k] + s.writes_failed[k];
                                  if (all <= 0)
                                      return std::nullopt;
                                  return 100.0 * ok / all;
                              }));
    }
    return out;
}

std::vector<ChartLine> p99_lines(const model::Run &run) {
    std::vector<ChartLine> out;
    for (std::size_t p = 0; p < run.population_steps.size(); ++p) {
        const auto &p99 = run.population_steps[p].p99_ms;
        out.push_back(line_of(run, population_name(run, p), p99,
                              [&p99](std::size_t k) -> std::optional<double> {
                                  if (p99[k] < 0)
                                      return std::nullopt;
                                  return p99[k];
                              }));
    }
    return out;
}

std::vector<ChartLine> region_lines(const model::Run &run) {
    std::vector<ChartLine> out;
    const double per_second = 1000.0 / static_cast<double>(std::max<model::Ms>(run.step_ms, 1));
    for (std::size_t r = 0; r < run.region_requests.size(); ++r) {
        const auto &requests = run.region_requests[r];
        const QString name = r < run.region_ids.size() ? QString::fromStdString(run.region_ids[r])
                                                       : charts_tr("region %1").arg(r + 1);
        out.push_back(line_of(run, name, requests, [&](std::size_t k) -> std::optional<double> {
            return requests[k] * per_second;
        }));
    }
    return out;
}

std::vector<ChartLine> lag_lines(const model::Run &run) {
    std::vector<ChartLine> out;
    for (const model::Run::LagSeries &lag : run.lags) {
        const QString name = QString::fromStdString(lag.database + "/" + lag.replica);
        out.push_back(
            line_of(run, name, lag.lag_ms, [&lag](std::size_t k) -> std::optional<double> {
                return lag.lag_ms[k] / 1000.0;
            }));
    }
    return out;
}

std::vector<ChartLine> loss_lines(const model::Run &run) {
    const auto count = [](const std::vector<std::int64_t> &values) {
        return [&values](std::size_t k) -> std::optional<double> {
            return static_cast<double>(values[k]);
        };
    };
    std::vector<ChartLine> out;
    if (!run.lost_writes_cumulative.empty())
        out.push_back(line_of(run, charts_tr("lost writes"), run.lost_writes_cumulative,
                              count(run.lost_writes_cumulative)));
    if (!run.conflicts_cumulative.empty())
        out.push_back(line_of(run, charts_tr("conflicts"), run.conflicts_cumulative,
                              count(run.conflicts_cumulative)));
    return out;
}

std::vector<ChartLine> cdn_lines(const model::Run &run) {
    std::vector<ChartLine> out;
    const double per_s = 1000.0 / static_cast<double>(run.step_ms);
    for (const model::CdnPopulationRun &c : run.cdn) {
        const QString who = population_name(run, static_cast<std::size_t>(c.population));
        const auto add = [&](const char *what, const std::vector<std::int32_t> &v) {
            out.push_back(line_of(
                run, charts_tr(what).arg(who), v,
                [&v, per_s](std::size_t k) -> std::optional<double> { return v[k] * per_s; }));
        };
        add(QT_TRANSLATE_NOOP("widgets::ChartsPanel", "%1: cache hits"), c.steps.hits);
        add(QT_TRANSLATE_NOOP("widgets::ChartsPanel", "%1: misses, primary"),
            c.steps.misses_primary);
        add(QT_TRANSLATE_NOOP("widgets::ChartsPanel", "%1: misses, secondary"),
            c.steps.misses_secondary);
        add(QT_TRANSLATE_NOOP("widgets::ChartsPanel", "%1: failovers"), c.steps.failovers);
        add(QT_TRANSLATE_NOOP("widgets::ChartsPanel", "%1: failed"), c.steps.failed);
    }
    return out;
}

} // namespace widgets
