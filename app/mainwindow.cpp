#include "mainwindow.h"

#include "model/scenario_json.h"
#include "model/simulation.h"
#include "widgets/eventlist.h"
#include "widgets/summaryview.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>

namespace app {

namespace {
const QString kDefaultScenario = QStringLiteral(":/lessons/scenarios/dns-ttl-floor.json");
}

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {
    auto *split = new QSplitter(Qt::Vertical, this);
    summary_ = new widgets::SummaryView(split);
    events_ = new widgets::EventList(split);
    split->addWidget(summary_);
    split->addWidget(events_);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);
    build_menus();
    resize(1100, 720);
    connect(events_, &widgets::EventList::event_chosen, this, [this](qint64 t) {
        statusBar()->showMessage(tr("Event at %1").arg(QString::fromStdString(model::format_clock(t))));
    });
}

void MainWindow::build_menus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Scenario..."), this, &MainWindow::choose_file);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a scenario file"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Failover Lab"), this, [this] {
        QMessageBox::about(this, tr("About Failover Lab"),
                           tr("<b>Failover Lab</b> %1<br>Learn multi-region failover by breaking "
                              "things.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::open_initial(const QString &path) {
    if (path.isEmpty() || !open_file(path))
        open_file(kDefaultScenario);
}

bool MainWindow::open_file(const QString &path) {
    QFile f(path);
    model::ScenarioLoad load;
    if (!f.open(QIODevice::ReadOnly)) {
        load.problems.push_back({path.toStdString(), "", tr("cannot open the file").toStdString()});
    } else if (f.size() > static_cast<qint64>(model::kMaxScenarioBytes)) {
        load.problems.push_back({path.toStdString(), "", tr("the file is larger than 8 MiB").toStdString()});
    } else {
        load = model::parse_scenario(f.readAll().toStdString(), path.toStdString());
    }
    if (!load.scenario) {
        QStringList lines;
        for (const auto &p : load.problems)
            lines << QString::fromStdString(p.text());
        QMessageBox::warning(this, tr("Cannot open scenario"),
                             tr("The scenario was not opened:\n\n%1").arg(lines.join('\n')));
        return false;
    }
    scenario_ = std::move(load.scenario);
    path_ = path;
    setWindowTitle(tr("%1 - Failover Lab").arg(QString::fromStdString(scenario_->name)));
    run_model();
    return true;
}

void MainWindow::run_model() {
    report_ = model::simulate(*scenario_);
    events_->show_report(*report_);
    summary_->show_report(*report_);
    statusBar()->showMessage(tr("Run finished: %1 events, fingerprint %2")
                                 .arg(report_->run.events.size())
                                 .arg(QString::fromStdString(report_->fingerprint)));
}

void MainWindow::choose_file() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), QString(),
                                                      tr("Failover Lab scenarios (*.json)"));
    if (!path.isEmpty())
        open_file(path);
}

} // namespace app
