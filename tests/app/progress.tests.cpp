#include "app/progress.h"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

TEST_CASE("Progress survives a save and a reload", "[lessons][progress]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    app::ProgressStore a(path);
    a.progress().mark_read("dns-ttl");
    a.progress().mark_tried("dns-ttl", "shorter-ttl");
    REQUIRE(a.save());
    CHECK_FALSE(QFile::exists(path + ".unreadable"));
    app::ProgressStore b(path);
    REQUIRE(b.load());
    CHECK(b.progress() == a.progress());
    CHECK(b.progress().chapter("dns-ttl").read);
    CHECK(b.progress().chapter("dns-ttl").tried("shorter-ttl"));
    // No file yet is a fresh start, not an error.
    app::ProgressStore fresh(dir.filePath("none/progress.json"));
    CHECK(fresh.load());
    CHECK(fresh.progress().chapters().empty());
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
    CHECK(error.contains("line 1"));
    CHECK(store.progress().chapters().empty());
    CHECK(QFile::exists(path + ".unreadable"));
    store.progress().mark_read("x");
    CHECK(store.save());
    app::ProgressStore again(path);
    CHECK(again.load());
    CHECK(again.progress().chapter("x").read);
}
