#pragma once
// Runs the model off the GUI thread. A newer request supersedes an older one: requests still
// waiting are dropped, and a result that arrives after a newer request is ignored. Every result
// carries the scenario it was computed from.

#include "model/report.h"
#include "model/scenario.h"

#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <memory>

namespace app {

class ModelRunner : public QObject {
    Q_OBJECT
public:
    explicit ModelRunner(QObject *parent = nullptr);
    ~ModelRunner() override;

    void request(const model::Scenario &scenario);
    // Runs on the calling thread and returns the report (tests, the first paint).
    std::shared_ptr<const model::Report> run_now(const model::Scenario &scenario);
    // Drops waiting runs, ignores the result of a run in flight and waits for it to end.
    void cancel();
    quint64 generation() const { return generation_; }

signals:
    void finished(std::shared_ptr<const model::Scenario> scenario,
                  std::shared_ptr<const model::Report> report, double elapsed_ms);

private:
    QThreadPool pool_;
    std::atomic<quint64> generation_{0};
};

} // namespace app
