#pragma once
// Runs the model off the GUI thread. A newer request supersedes an older one: requests still
// waiting are dropped, a run in flight is stopped at its next step (RunOptions::stop), and a
// result that arrives after a newer request is ignored. Every result carries the scenario it
// was computed from.

#include "model/report.h"
#include "model/scenario.h"
#include "model/simulation.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <vector>

namespace app {

class ModelRunner : public QObject {
    Q_OBJECT
public:
    explicit ModelRunner(QObject *parent = nullptr);
    ~ModelRunner() override;

    void request(const model::Scenario &scenario);
    // Runs each job in turn, off the GUI thread like request(), and hands all their reports,
    // in order, to `done` on this object's thread; a newer request of either kind drops them.
    struct Job {
        model::Scenario scenario;
        model::RunOptions options;
    };
    using Reports = std::vector<std::shared_ptr<const model::Report>>;
    void request_all(std::vector<Job> jobs, std::function<void(Reports)> done);
    // Any model work (a run, a quiz question asked) off the GUI thread, superseded like a run:
    // `done` gets what `work` returned, on this object's thread. `work` gets the request's stop
    // flag for the runs it makes (RunOptions::stop); a stopped run delivers nothing. request()
    // and request_all() are made of it.
    template <typename T>
    void request_work(std::function<T(const std::atomic<bool> &stop)> work,
                      std::function<void(T)> done) {
        const quint64 mine = ++generation_;
        auto stop = next_stop();
        pool_.clear();
        QPointer<ModelRunner> self(this);
        pool_.start([self, mine, stop, work = std::move(work), done = std::move(done), this] {
            if (mine != generation_)
                return;
            ++started_runs_;
            // Work that throws is delivered as nothing: the request ends, `done` is not called.
            std::shared_ptr<T> result;
            try {
                result = std::make_shared<T>(work(*stop));
            } catch (const model::RunStopped &) {
                ++stopped_runs_;
                return;
            } catch (const std::exception &e) {
                qWarning("model work failed: %s", e.what());
            }
            QMetaObject::invokeMethod(
                this,
                [self, mine, result, done] {
                    if (self && self->take(mine) && result)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }
    // Whether a request is still to be delivered.
    bool busy() const { return delivered_ != generation_; }
    // Runs on the calling thread and returns the report (tests, the first paint).
    std::shared_ptr<const model::Report> run_now(const model::Scenario &scenario);
    // Drops waiting runs, stops a run in flight and waits for its thread.
    void cancel();
    // The learner's Cancel: drops waiting runs and stops a run in flight at its next step,
    // without waiting for it; its result is never delivered.
    void abandon();
    quint64 generation() const { return generation_; }
    // How many runs were stopped midway (tests: that Cancel stops rather than ignores).
    quint64 stopped_runs() const { return stopped_runs_; }
    // How many runs have begun on the worker (tests: that a run is in flight).
    quint64 started_runs() const { return started_runs_; }
    // Waits until no run is in flight or waiting (tests).
    void wait_idle() { pool_.waitForDone(); }

signals:
    void finished(std::shared_ptr<const model::Scenario> scenario,
                  std::shared_ptr<const model::Report> report, double elapsed_ms);

private:
    // Stops the run of the previous request (if still in flight) and hands out the flag of the
    // next one. GUI thread only.
    std::shared_ptr<std::atomic<bool>> next_stop();

    QThreadPool pool_;
    std::shared_ptr<std::atomic<bool>> stop_; // the latest request's flag
    std::atomic<quint64> stopped_runs_{0};
    std::atomic<quint64> started_runs_{0};
    std::atomic<quint64> generation_{0};
    quint64 delivered_ = 0; // the generation last delivered (GUI thread only)
    // Whether a result of `generation` is still wanted; if so, it counts as delivered.
    bool take(quint64 generation);
};

} // namespace app
