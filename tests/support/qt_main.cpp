// The entry point of the Qt test suites (widgets, app). They run offscreen: the platform is set
// before any QApplication exists, so that catch_discover_tests can run the binary at build time
// on a machine with no display.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "seed_listener.h"

#include <QApplication>
#include <QStandardPaths>

using testing::SeedListener;
CATCH_REGISTER_LISTENER(SeedListener)

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings and progress go to a test location, never the user's own.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("Failover Lab Tests"));
    QApplication::setApplicationName(QStringLiteral(FAILOVER_TEST_SUITE));
    return Catch::Session().run(argc, argv);
}
