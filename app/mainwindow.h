#pragma once
// The main window: opens a scenario, runs the model on it and shows the run.

#include "model/report.h"
#include "model/scenario.h"

#include <QMainWindow>
#include <optional>

namespace widgets {
class EventList;
class SummaryView;
} // namespace widgets

namespace app {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Opens path, or the default lesson's scenario when path is empty.
    void open_initial(const QString &path);
    // Loads a scenario file; on a bad file shows the problems and keeps what is open.
    bool open_file(const QString &path);

    const std::optional<model::Report> &report() const { return report_; }

private:
    void build_menus();
    void run_model();
    void choose_file();

    std::optional<model::Scenario> scenario_;
    std::optional<model::Report> report_;
    QString path_;
    widgets::EventList *events_ = nullptr;
    widgets::SummaryView *summary_ = nullptr;
};

} // namespace app
