// How quickly the workspace follows an edit, how much a chart update costs, and how fast the
// app starts. Prints its figures; not a test. Run failover-lab-workspace-bench by hand on an
// otherwise idle machine, from a RelWithDebInfo or Release build.
//
// tests/CMakeLists.txt keeps *.bench.cpp out of widget_tests and builds this file on its own;
// the guard keeps it empty anywhere FAILOVER_WORKSPACE_BENCH is not defined.
#ifdef FAILOVER_WORKSPACE_BENCH

#include "model/scenario_json.h"
#include "model/simulation.h"
#include "model/world_at.h"
#include "widgets/charts.h"
#include "widgets/eventlist.h"
#include "widgets/mapview.h"
#include "widgets/summaryview.h"
#include "widgets/timeline.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTabWidget>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double time_ms(const std::function<void()> &f) {
    QElapsedTimer t;
    t.start();
    f();
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

constexpr const char *kParts[] = {"map scene", "map world", "timeline",  "charts",
                                  "events",    "summary",   "map paint", "tab paint"};
constexpr const char *kTabs[] = {"timeline", "charts", "events", "summary"};

// The main window's views as it lays them out: the map, and under it one tab of four on show.
struct Views {
    widgets::MapView map;
    QTabWidget bottom;
    widgets::Timeline *timeline = new widgets::Timeline;
    widgets::ChartsPanel *charts = new widgets::ChartsPanel;
    widgets::EventList *events = new widgets::EventList;
    widgets::SummaryView *summary = new widgets::SummaryView;
    Views() {
        map.resize(1100, 560);
        bottom.resize(1400, 300);
        bottom.addTab(timeline, QStringLiteral("Timeline"));
        bottom.addTab(charts, QStringLiteral("Charts"));
        bottom.addTab(events, QStringLiteral("Events"));
        bottom.addTab(summary, QStringLiteral("Summary"));
        map.show();
        bottom.show();
    }
    // What the main window does when a run comes back, then one paint of what is on screen.
    // parts, when given, gets the time of each step, in the order of kParts.
    void show(const model::Scenario &s, const std::shared_ptr<const model::Report> &r,
              model::Ms playhead, std::vector<double> *parts = nullptr) {
        const std::function<void()> steps[] = {
            [&] { map.show_scenario(s); },
            [&] { map.show_world(s, model::world_at(s, *r, playhead)); },
            [&] {
                timeline->set_report(r, s);
                timeline->set_playhead(playhead);
            },
            [&] {
                charts->set_report(r, s);
                charts->set_playhead(playhead);
            },
            [&] { events->show_report(r); },
            [&] { summary->show_report(r); },
            // grab() paints the widget and its children now, as the next frame would.
            [&] { (void)map.viewport()->grab(); },
            [&] { (void)bottom.currentWidget()->grab(); },
        };
        for (std::size_t i = 0; i < std::size(steps); ++i) {
            const double ms = time_ms(steps[i]);
            if (parts)
                parts->push_back(ms);
        }
    }
};

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Views views;

    std::printf("Edit -> updated map and the bottom tab on show, for the slowest of its four "
                "tabs (median of 8 edits, ms):\n");
    std::printf("%-34s %8s %8s %8s  %s\n", "scenario", "model", "views", "total", "slowest tab");
    const QDir dir(QStringLiteral(FAILOVER_SOURCE_DIR "/lessons/scenarios"));
    double worst = 0, worst_views = 0;
    int over = 0, scenarios = 0;
    std::string slowest;
    std::vector<std::vector<double>> slowest_parts;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const model::ScenarioLoad load =
            model::load_scenario_file(dir.filePath(name).toStdString());
        if (!load.scenario)
            continue;
        ++scenarios;
        // An edit changes the run: the scenario and a copy with another seed take turns, so
        // that every update draws a report other than the one on screen.
        model::Scenario edited = *load.scenario;
        edited.settings.seed += 1;
        const model::Scenario *variants[] = {&*load.scenario, &edited};
        double m_worst = 0, v_worst = 0;
        std::size_t tab_worst = 0;
        std::vector<std::vector<double>> tab_parts_worst;
        for (std::size_t tab = 0; tab < std::size(kTabs); ++tab) {
            views.bottom.setCurrentIndex(static_cast<int>(tab));
            QApplication::processEvents();
            std::vector<double> model_ms, view_ms;
            std::vector<std::vector<double>> parts(std::size(kParts));
            for (int i = 0; i < 8; ++i) {
                const model::Scenario &s = *variants[i % 2];
                std::shared_ptr<const model::Report> r;
                model_ms.push_back(time_ms(
                    [&] { r = std::make_shared<const model::Report>(model::simulate(s)); }));
                const model::Ms at = r->run.end_ms / 3;
                std::vector<double> these;
                view_ms.push_back(time_ms([&] { views.show(s, r, at, &these); }));
                for (std::size_t k = 0; k < these.size(); ++k)
                    parts[k].push_back(these[k]);
            }
            const double m = median(model_ms), v = median(view_ms);
            if (m + v > m_worst + v_worst) {
                m_worst = m;
                v_worst = v;
                tab_worst = tab;
                tab_parts_worst = parts;
            }
        }
        if (v_worst > worst_views) {
            slowest = name.toStdString() + ", " + kTabs[tab_worst] + " tab";
            slowest_parts = tab_parts_worst;
        }
        worst = std::max(worst, m_worst + v_worst);
        worst_views = std::max(worst_views, v_worst);
        over += m_worst + v_worst > 1000.0 / 60.0;
        std::printf("%-34s %8.2f %8.2f %8.2f  %s\n", qPrintable(name), m_worst, v_worst,
                    m_worst + v_worst, kTabs[tab_worst]);
    }
    std::printf("slowest total %.2f ms (views alone at most %.2f ms); %d of %d scenarios over a "
                "60 Hz frame (16.7 ms)\n",
                worst, worst_views, over, scenarios);
    std::printf("where the views' time goes for %s (medians, ms):", slowest.c_str());
    for (std::size_t k = 0; k < slowest_parts.size(); ++k)
        std::printf("%s %s %.2f", k ? "," : "", kParts[k], median(slowest_parts[k]));
    std::printf("\n\n");

    // A chart following the playhead: the cursor moves and the chart repaints.
    {
        const model::ScenarioLoad load = model::load_scenario_file(
            FAILOVER_SOURCE_DIR "/lessons/scenarios/pattern-active-active.json");
        const auto r = std::make_shared<const model::Report>(model::simulate(*load.scenario));
        views.charts->set_report(r, *load.scenario);
        std::vector<double> cursor, replace;
        for (int i = 0; i < 50; ++i) {
            const model::Ms t = r->run.end_ms * i / 50;
            cursor.push_back(time_ms([&] {
                views.charts->set_playhead(t);
                (void)views.charts->grab();
            }));
        }
        for (int i = 0; i < 9; ++i)
            replace.push_back(time_ms([&] {
                views.charts->set_report(r, *load.scenario);
                (void)views.charts->grab();
            }));
        std::printf("Charts (1400x300): playhead move + paint %.2f ms; new run (replace() of "
                    "every series) + paint %.2f ms (medians)\n\n",
                    median(cursor), median(replace));
    }

    // Cold start: the real app, to its first painted window, five times.
    const QString binary = QStringLiteral(FAILOVER_APP_BINARY);
    std::vector<double> inside, wall, rss;
    for (int i = 0; i < 5; ++i) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FAILOVER_LAB_STARTUP_REPORT"), QStringLiteral("quit"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + "/failover-bench-config");
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(binary, {});
        QByteArray err;
        double at = 0;
        while (!p.waitForFinished(1)) {
            err += p.readAllStandardError();
            if (at == 0 && err.contains("startup:"))
                at = static_cast<double>(t.nsecsElapsed()) / 1e6;
            if (t.elapsed() > 10000) {
                p.kill();
                break;
            }
        }
        err += p.readAllStandardError();
        if (at == 0)
            at = static_cast<double>(t.nsecsElapsed()) / 1e6;
        const QRegularExpression re(
            QStringLiteral("first paint (\\d+) ms after main\\(\\), resident ([0-9.]+) MiB"));
        const auto m = re.match(QString::fromUtf8(err));
        if (!m.hasMatch()) {
            std::printf("cold start: no startup line from %s\n", qPrintable(binary));
            break;
        }
        inside.push_back(m.captured(1).toDouble());
        rss.push_back(m.captured(2).toDouble());
        wall.push_back(at);
    }
    if (!inside.empty())
        std::printf("Cold start (%s): first paint %.0f ms after main(), %.0f ms after launch; "
                    "resident %.1f MiB with the default scenario (medians of %zu)\n",
                    qgetenv("QT_QPA_PLATFORM").constData(), median(inside), median(wall),
                    median(rss), inside.size());
    return 0;
}

#endif // FAILOVER_WORKSPACE_BENCH
