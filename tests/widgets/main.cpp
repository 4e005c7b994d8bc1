// Widget tests run offscreen: set the platform before any QApplication exists, so that
// catch_discover_tests can run this binary at build time on a machine with no display.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QStandardPaths>
#include <cstdlib>

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings and progress go to a test location, never the user's own.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("Failover Lab Tests"));
    QApplication::setApplicationName(QStringLiteral("widget_tests"));
    return Catch::Session().run(argc, argv);
}
