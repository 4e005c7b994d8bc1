// The entry point of the Qt test suites (widgets, app, the monkey), compiled once for all of
// them. They run offscreen: the platform is set before any QApplication exists, so that
// catch_discover_tests can run the binary at build time on a machine with no display.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "seed_listener.h"

#include <QApplication>
#include <QFileInfo>
#include <QStandardPaths>

using testing::SeedListener;
CATCH_REGISTER_LISTENER(SeedListener)

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings and progress go to a test location, never the user's own.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("Failover Lab Tests"));
    // Each suite its own: named after its binary (widget_tests, app_tests, gui_monkey).
    QApplication::setApplicationName(QFileInfo(QString::fromLocal8Bit(argv[0])).fileName());
    return Catch::Session().run(argc, argv);
}
