#include "app/progress.h"
#include "files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

namespace {

void write(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

using testing::read_all;

} // namespace

TEST_CASE("Progress survives a save and a reload", "[lessons][progress]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    app::ProgressStore a(path);
    a.progress().mark_read("dns-ttl");
    a.progress().mark_tried("dns-ttl", "shorter-ttl");
    REQUIRE(a.save());
    CHECK(a.set_aside_copies().isEmpty());
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
    REQUIRE(store.set_aside_copies().size() == 1);
    CHECK(error.contains(store.set_aside_copies().front()));
    CHECK_FALSE(store.read_only());
    store.progress().mark_read("x");
    CHECK(store.save());
    app::ProgressStore again(path);
    CHECK(again.load());
    CHECK(again.progress().chapter("x").read);
}

TEST_CASE("A second corruption keeps the first set-aside copy, up to a few",
          "[lessons][progress]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    QStringList kept;
    for (int n = 0; n < app::ProgressStore::kSetAsideKept + 2; ++n) {
        const QByteArray bad = "not progress " + QByteArray::number(n);
        write(path, bad);
        app::ProgressStore store(path);
        CHECK_FALSE(store.load());
        const QStringList copies = store.set_aside_copies();
        REQUIRE(copies.size() == std::min(n + 1, app::ProgressStore::kSetAsideKept));
        CHECK(read_all(copies.back()) == bad); // the newest copy is this file, whole
        kept = copies;
    }
    // The oldest went; the newest few are kept, in order.
    CHECK(read_all(kept.front()) == "not progress " + QByteArray::number(2));
    CHECK_FALSE(QFile::exists(path));
}

TEST_CASE("A progress file that cannot be read is left alone, and said so for the session",
          "[lessons][progress]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    SECTION("no permission") {
        if (::geteuid() == 0) {
            WARN("running as root, which reads any file: the permission case is not testable");
            return;
        }
        app::ProgressStore a(path);
        a.progress().mark_read("dns-ttl");
        REQUIRE(a.save());
        const QByteArray before = read_all(path);
        REQUIRE(QFile::setPermissions(path, QFileDevice::Permissions()));
        app::ProgressStore store(path);
        QString error;
        CHECK_FALSE(store.load(&error));
        CHECK(store.read_only());
        CHECK(error.contains("cannot be read"));
        CHECK(error.contains(QDir::toNativeSeparators(path)));
        CHECK(store.set_aside_copies().isEmpty()); // not moved
        store.progress().mark_read("x");
        CHECK_FALSE(store.save()); // not written over
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        CHECK(read_all(path) == before);
    }
    SECTION("a folder in its place") {
        REQUIRE(QDir().mkpath(path));
        app::ProgressStore store(path);
        QString error;
        CHECK_FALSE(store.load(&error));
        CHECK(store.read_only());
        CHECK(error.contains("not a regular file"));
        CHECK(QFileInfo(path).isDir());
        CHECK(store.set_aside_copies().isEmpty());
        CHECK_FALSE(store.save());
        CHECK(QFileInfo(path).isDir());
    }
    SECTION("a pipe in its place, which must not block") {
        REQUIRE(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        app::ProgressStore store(path);
        CHECK_FALSE(store.load());
        CHECK(store.read_only());
        CHECK(store.warning().contains("not a regular file"));
    }
}

TEST_CASE("A progress file of a later version is never written over", "[lessons][progress]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    SECTION("with fields this version does not understand") {
        const QByteArray newer =
            R"({"format": "failover-lab-progress", "version": 2, "lessons": {"x": {"read": "yes"}}})";
        write(path, newer);
        app::ProgressStore store(path);
        QString error;
        CHECK_FALSE(store.load(&error));
        CHECK(store.read_only());
        CHECK(error.contains("newer version"));
        CHECK(error.contains("2"));
        store.progress().mark_read("y");
        CHECK_FALSE(store.save());
        CHECK(read_all(path) == newer);
        CHECK(store.set_aside_copies().isEmpty());
    }
    SECTION("with fields it does understand: shown, still read-only") {
        const QByteArray newer =
            R"({"format": "failover-lab-progress", "version": 7, "lessons": {"x": {"read": true}}})";
        write(path, newer);
        app::ProgressStore store(path);
        CHECK_FALSE(store.load());
        CHECK(store.read_only());
        CHECK(store.progress().chapter("x").read);
        CHECK_FALSE(store.save());
        CHECK(read_all(path) == newer);
    }
    SECTION("a version that is not a whole number is not a progress file") {
        write(path, R"({"format": "failover-lab-progress", "version": "2", "lessons": {}})");
        app::ProgressStore store(path);
        QString error;
        CHECK_FALSE(store.load(&error));
        CHECK(error.contains("/version"));
        CHECK_FALSE(store.read_only());
        CHECK(store.set_aside_copies().size() == 1);
    }
}
