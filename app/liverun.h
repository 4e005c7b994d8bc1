#pragma once
// Design note: one live run.
//
// A LiveRun is everything a window needs to show a design running: the scenario, the report the
// model computed from exactly that scenario, the playback clock, and a background runner. The
// pair (scenario, report) is replaced as one value, so a view that draws current() can never
// draw a new scenario with an old report. Who owns what:
//   - the window owns its LiveRun (the main window one, the presentation one, a quiz one);
//   - the LiveRun owns its clock and its runner; the runner owns the worker thread;
//   - views own nothing of it: they take the snapshot's typed values and the clock's playhead.
// A request replaces any older request that has not finished; close() stops accepting results
// and waits for a run in flight, so a window can be destroyed at any moment.

#include "app/playback.h"
#include "app/runner.h"
#include "model/report.h"
#include "model/scenario.h"

#include <QObject>
#include <memory>

namespace app {

// A report with the scenario it was computed from.
struct RunSnapshot {
    std::shared_ptr<const model::Scenario> scenario;
    std::shared_ptr<const model::Report> report;
    explicit operator bool() const { return scenario && report; }
};

class LiveRun : public QObject {
    Q_OBJECT
public:
    explicit LiveRun(QObject *parent = nullptr);
    ~LiveRun() override;

    const RunSnapshot &current() const { return current_; }
    PlaybackClock *clock() { return &clock_; }
    const PlaybackClock *clock() const { return &clock_; }
    // How many runs were asked for (tests: whether an edit re-ran the model).
    quint64 requests() const { return requests_; }

    // Runs in the background; updated() follows unless a newer request comes first.
    void request(const model::Scenario &scenario);
    // Runs now, on this thread (start-up, tests), and publishes the result at once.
    void run_now(const model::Scenario &scenario);
    // Stops taking results and waits for a run in flight. Requests after it are ignored.
    void close();
    bool closed() const { return closed_; }
    // Whether a requested run has not arrived yet.
    bool busy() const { return runner_.busy(); }
    // Gives up the run in flight (ModelRunner::abandon); current() stays as it was.
    void abandon() { runner_.abandon(); }

signals:
    // A new (scenario, report) pair is current; elapsed_ms 0 for a run made now.
    void updated(double elapsed_ms);

private:
    void publish(RunSnapshot snapshot, double elapsed_ms);

    ModelRunner runner_;
    PlaybackClock clock_;
    RunSnapshot current_;
    quint64 requests_ = 0;
    bool closed_ = false;
};

} // namespace app
