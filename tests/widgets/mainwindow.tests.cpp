#include "app/mainwindow.h"

#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <catch2/catch.hpp>

#include <fstream>

TEST_CASE("The window opens on the default scenario and shows its run", "[app]") {
    app::MainWindow w;
    w.open_initial(QString());
    REQUIRE(w.report());
    CHECK(w.report()->summary.read.ms);
}

TEST_CASE("A bad file shows an error and leaves the open scenario untouched", "[app]") {
    app::MainWindow w;
    w.open_initial(QString());
    REQUIRE(w.report());
    const std::string before = w.report()->fingerprint;
    const std::string bad = "/tmp/failover-lab-widget-test-bad.json";
    std::ofstream(bad) << "{\"format\": \"failover-lab-scenario\", \"version\": 1, \"regions\": 3}";
    // Close the warning box as soon as it appears.
    QTimer::singleShot(0, [] {
        for (QWidget *top : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(top))
                box->accept();
    });
    CHECK_FALSE(w.open_file(QString::fromStdString(bad)));
    REQUIRE(w.report());
    CHECK(w.report()->fingerprint == before);
}
