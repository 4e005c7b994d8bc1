#include "app/progress.h"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

TEST_CASE("Progress survives a save and a reload", "[lessons][progress]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    app::ProgressStore a(path);
    a.mark_read("dns-ttl");
    a.mark_tried("dns-ttl", "shorter-ttl");
    REQUIRE(a.save());
    app::ProgressStore b(path);
    REQUIRE(b.load());
    CHECK(b.progress().value("dns-ttl").read);
    CHECK(b.progress().value("dns-ttl").try_this_done.contains("shorter-ttl"));
}

TEST_CASE("A progress file cut short by a crash is set aside, not trusted", "[lessons][progress]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"failover-lab-progress\", \"lessons\": {\"dns");
    }
    app::ProgressStore store(path);
    QString error;
    CHECK_FALSE(store.load(&error));
    CHECK(error.contains(path));
    CHECK(store.progress().isEmpty());
    CHECK(QFile::exists(path + ".unreadable"));
    store.mark_read("x");
    CHECK(store.save());
    app::ProgressStore again(path);
    CHECK(again.load());
}
