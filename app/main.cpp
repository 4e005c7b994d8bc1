// Failover Lab: the desktop app, or the command line when given a subcommand.
#include "app/appidentity.h"
#include "app/mainwindow.h"
#include "model/cli.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTimer>
#include <iostream>

namespace {

// Resident memory of this process in MiB, from /proc (Linux); 0 where there is none.
double resident_mib() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

// With FAILOVER_LAB_STARTUP_REPORT set, the app prints how long it took from main() to the
// first painted window and how much memory it holds then; with the value "quit" it then
// leaves. The workspace benchmark reads this line.
class FirstPaint : public QObject {
public:
    FirstPaint(const QElapsedTimer &since, bool quit) : since_(since), quit_(quit) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && !done_) {
            done_ = true;
            QTimer::singleShot(0, this, [this] {
                std::cerr << "startup: first paint " << since_.elapsed() << " ms after main(), "
                          << "resident " << resident_mib() << " MiB" << std::endl;
                if (quit_)
                    QTimer::singleShot(200, qApp, &QCoreApplication::quit);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &since_;
    bool quit_;
    bool done_ = false;
};

// Whether the first argument names a scenario file for the window to open: a file or folder
// that exists, or anything that looks like a path to one. Anything else is a command, and an
// unknown command is the command line's to refuse, before any window system is touched.
bool is_scenario_argument(const std::string &arg) {
    const QString a = QString::fromStdString(arg);
    if (a.isEmpty() || a.startsWith(QLatin1Char('-')))
        return false;
    return QFileInfo::exists(a) || a.contains(QLatin1Char('/')) ||
           a.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive);
}

} // namespace

int main(int argc, char **argv) {
    QElapsedTimer since_main;
    since_main.start();
    const std::vector<std::string> args(argv + 1, argv + argc);
    // Decided before QApplication exists: a command must work with no display at all.
    if (model::is_cli_command(args) || (!args.empty() && !is_scenario_argument(args.front())))
        return model::run_cli(args, std::cout, std::cerr);

    QApplication app(argc, argv);
    app::set_app_identity(QStringLiteral(FAILOVER_LAB_VERSION_STRING));
    app::MainWindow window;
    const QByteArray report = qgetenv("FAILOVER_LAB_STARTUP_REPORT");
    FirstPaint first_paint(since_main, report == "quit");
    if (!report.isEmpty())
        window.installEventFilter(&first_paint);
    window.open_initial(args.empty() ? QString() : QString::fromStdString(args.front()));
    window.show();
    // After the window is up: autosaves a session left behind are offered for recovery.
    QTimer::singleShot(0, &window, &app::MainWindow::offer_recovery);
    return QApplication::exec();
}
