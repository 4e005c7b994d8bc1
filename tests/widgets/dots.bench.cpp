// Frame time of the map with moving request dots: renders a 1600x1000 view offscreen with
// 2,000 and 20,000 dots and prints the median milliseconds per frame of 50 frames; then two
// maps side by side, as a comparison shows them, with the same dots on each. Not a test:
// run it by hand (failover-lab-widget-bench) on an otherwise idle machine.
//
// tests/CMakeLists.txt keeps *.bench.cpp out of widget_tests and builds this file on its own;
// the guard keeps it empty anywhere FAILOVER_WIDGET_BENCH is not defined.
#ifdef FAILOVER_WIDGET_BENCH

#include "model/scenario_json.h"
#include "model/simulation.h"
#include "model/world_at.h"
#include "widgets/mapview.h"
#include "widgets/requestdots.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

namespace {

constexpr int kFrames = 50;
constexpr model::Ms kFrameMs = 167; // 60 frames a second at 10x playback

// CPU time of this thread: on a shared machine it counts our work, not our waiting.
double thread_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median_ms(const std::function<void(int)> &frame) {
    for (int i = 0; i < 5; ++i) // warm the caches
        frame(i);
    std::vector<double> ms;
    for (int i = 0; i < kFrames; ++i) {
        const double start = thread_ms();
        frame(i);
        ms.push_back(thread_ms() - start);
    }
    std::nth_element(ms.begin(), ms.begin() + kFrames / 2, ms.end());
    return ms[kFrames / 2];
}

// Flows from every population to every region, with enough requests for `dots` dots.
std::vector<widgets::FlowPath> flows_for(const model::Scenario &s, int dots) {
    std::vector<widgets::FlowPath> out;
    const std::size_t n = s.populations.size() * s.regions.size();
    const double rps = dots / widgets::RequestDots::kDotsPerRps / static_cast<double>(n);
    for (const auto &p : s.populations)
        for (const auto &r : s.regions)
            out.push_back({widgets::MapView::project(p.where), widgets::MapView::project(r.where),
                           rps, out.size() % 3 == 0 ? 0.3 : 0.0});
    return out;
}

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const std::string file =
        std::string(FAILOVER_SOURCE_DIR) + "/lessons/scenarios/pattern-active-active.json";
    const model::ScenarioLoad load = model::load_scenario_file(file);
    if (!load.scenario) {
        std::fprintf(stderr, "cannot load %s\n", file.c_str());
        return 1;
    }
    const model::Scenario &s = *load.scenario;
    const model::Report report = model::simulate(s);

    widgets::MapView view;
    view.resize(1600, 1000);
    view.show();
    view.show_scenario(s);
    view.show_world(s, model::world_at(s, report, 0));
    view.fit_to_content();
    for (int i = 0; i < 3; ++i) // let the window be exposed before timing repaints
        QCoreApplication::processEvents();
    widgets::RequestDots *dots = view.request_dots();
    std::printf("%d regions, %d populations; view %dx%d; median of %d frames\n",
                static_cast<int>(s.regions.size()), static_cast<int>(s.populations.size()),
                view.viewport()->width(), view.viewport()->height(), kFrames);
    std::printf("thread CPU ms per frame: grab = the whole view into a QImage-backed pixmap; "
                "repaint = the dots' rect only; smart/bounding = through the event loop with "
                "that viewport update mode\n");
    std::printf("%8s %14s %14s %14s %14s\n", "dots", "grab (ms)", "repaint (ms)", "smart (ms)",
                "bounding (ms)");
    for (int count : {0, 2000, 20000}) {
        dots->set_max_dots(count);
        dots->set_flows(flows_for(s, std::max(count, 1)));
        model::Ms t = 0;
        // The whole view, as QWidget::grab() renders it into a QImage-backed pixmap.
        const double grab = median_ms([&](int) {
            dots->set_time(t += kFrameMs);
            const QPixmap frame = view.viewport()->grab();
            (void)frame;
        });
        // Only what a frame changes: the dots' bounding rect, painted synchronously.
        const double repaint = median_ms([&](int) {
            dots->set_time(t += kFrameMs);
            view.viewport()->repaint(view.mapFromScene(dots->sceneBoundingRect()).boundingRect());
        });
        // The real path: the scene collects the update and the view repaints what its
        // viewport update mode says.
        const auto through_events = [&](QGraphicsView::ViewportUpdateMode mode) {
            view.setViewportUpdateMode(mode);
            return median_ms([&](int) {
                dots->set_time(t += kFrameMs);
                QCoreApplication::processEvents();
                QCoreApplication::processEvents();
            });
        };
        const double smart = through_events(QGraphicsView::SmartViewportUpdate);
        const double bounding = through_events(QGraphicsView::BoundingRectViewportUpdate);
        std::printf("%8d %14.2f %14.2f %14.2f %14.2f\n",
                    static_cast<int>(dots->ok_dots().size() + dots->failed_dots().size()), grab,
                    repaint, smart, bounding);
    }

    // A comparison: two maps side by side in a 1600x1000 window (each half as wide), both
    // drawing the same number of dots at one playhead. A frame is both maps' dots.
    QWidget window;
    window.resize(1600, 1000);
    widgets::MapView left(&window), right(&window);
    left.setGeometry(0, 0, 800, 1000);
    right.setGeometry(800, 0, 800, 1000);
    for (widgets::MapView *v : {&left, &right}) {
        v->show_scenario(s);
        v->show_world(s, model::world_at(s, report, 0));
    }
    window.show();
    for (widgets::MapView *v : {&left, &right})
        v->fit_to_content();
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    std::printf("\ntwo maps side by side, each %dx%d, the same dots on each; thread CPU ms per "
                "frame of both maps\n",
                left.viewport()->width(), left.viewport()->height());
    std::printf("%14s %14s %14s %14s\n", "dots per map", "dots in all", "repaint (ms)",
                "smart (ms)");
    for (int count : {1000, 2000, 10000, 20000}) {
        int shown = 0;
        for (widgets::MapView *v : {&left, &right}) {
            v->request_dots()->set_max_dots(count);
            v->request_dots()->set_flows(flows_for(s, std::max(count, 1)));
        }
        model::Ms t = 0;
        const double repaint = median_ms([&](int) {
            t += kFrameMs;
            for (widgets::MapView *v : {&left, &right}) {
                widgets::RequestDots *d = v->request_dots();
                d->set_time(t);
                v->viewport()->repaint(v->mapFromScene(d->sceneBoundingRect()).boundingRect());
            }
        });
        const double smart = median_ms([&](int) {
            t += kFrameMs;
            for (widgets::MapView *v : {&left, &right})
                v->request_dots()->set_time(t);
            QCoreApplication::processEvents();
            QCoreApplication::processEvents();
        });
        for (widgets::MapView *v : {&left, &right})
            shown += static_cast<int>(v->request_dots()->ok_dots().size() +
                                      v->request_dots()->failed_dots().size());
        std::printf("%14d %14d %14.2f %14.2f\n", shown / 2, shown, repaint, smart);
    }
    return 0;
}

#endif // FAILOVER_WIDGET_BENCH
