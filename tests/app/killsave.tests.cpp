// A save killed at any moment leaves the file whole: a child process saves a large scenario
// through Document::save (the app's save path, write_file_atomically) again and again, and is
// killed with SIGKILL after a delay drawn from a seeded generator; after each kill the file on
// disk must be, byte for byte, one of the two versions it saves, never a mix, never empty.
#include "app/savefile.h"
#include "files.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <catch2/catch.hpp>

#include <algorithm>
#include <csignal>
#include <iostream>
#include <random>
#include <sys/types.h>

namespace {

using testing::read_all;

// Waits (at most 30 s) until the child has printed `line`; what it printed so far goes to *out.
bool wait_for_line(QProcess &p, const QByteArray &line, QByteArray *out) {
    QElapsedTimer waited;
    waited.start();
    while (!out->contains(line) && waited.elapsed() < 30000) {
        p.waitForReadyRead(50);
        *out += p.readAllStandardOutput();
    }
    return out->contains(line);
}

} // namespace

TEST_CASE("A save killed at any moment leaves the old file or the new one, whole",
          "[.kill][app][save]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.json"));
    const QString child = QStringLiteral(FAILOVER_SAVE_CHILD);
    REQUIRE(QProcess::execute(child, {QStringLiteral("versions"), path}) == 0);
    const QByteArray versions[2] = {read_all(path + ".old"), read_all(path + ".new")};
    REQUIRE(versions[0].size() > 1000000);
    REQUIRE(versions[1].size() > 1000000);
    REQUIRE(versions[0] != versions[1]);
    REQUIRE(app::write_file_atomically(path, versions[0]));

    // How long one save takes on this machine, now: the delays are drawn as fractions of it,
    // so that kills land before, inside and after saves whatever the machine's speed.
    double save_ms = 0;
    {
        QProcess p;
        p.start(child, {QStringLiteral("save"), path, QStringLiteral("new")});
        QByteArray out;
        REQUIRE(wait_for_line(p, "saved 1 new\n", &out));
        QElapsedTimer clock;
        clock.start();
        REQUIRE(wait_for_line(p, "saved 3 new\n", &out));
        save_ms = static_cast<double>(clock.elapsed()) / 2.0;
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        REQUIRE(p.waitForFinished(10000));
        REQUIRE(app::write_file_atomically(path, versions[0]));
    }
    // 200 kills; FAILOVER_KILL_TRIALS changes it (the sanitizer preset, where a save is slower,
    // asks for fewer).
    const int kTrials = std::max(8, qEnvironmentVariableIntValue("FAILOVER_KILL_TRIALS") > 0
                                        ? qEnvironmentVariableIntValue("FAILOVER_KILL_TRIALS")
                                        : 200);
    constexpr std::uint64_t kSeed = 20240611;
    std::mt19937_64 rng(kSeed);
    // From the child being ready to about three saves later.
    std::uniform_real_distribution<double> saves_in(0.0, 3.0);
    const auto delay_ms = [&](std::mt19937_64 &g) {
        return static_cast<int>(saves_in(g) * save_ms);
    };
    int mid_save = 0, between = 0, old_left = 0, new_left = 0;
    for (int trial = 0; trial < kTrials; ++trial) {
        const int on_disk = read_all(path) == versions[1] ? 1 : 0;
        QProcess p;
        p.start(child, {QStringLiteral("save"), path,
                        on_disk == 0 ? QStringLiteral("new") : QStringLiteral("old")});
        QByteArray out;
        REQUIRE(wait_for_line(p, "ready\n", &out));
        const int delay = delay_ms(rng);
        QThread::msleep(static_cast<unsigned long>(delay));
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        REQUIRE(p.waitForFinished(10000));
        out += p.readAllStandardOutput();
        CHECK(p.exitStatus() == QProcess::CrashExit);

        const QByteArray now = read_all(path);
        INFO("seed " << kSeed << ", trial " << trial << ", killed " << delay
                     << " ms after ready; the child printed:\n"
                     << out.right(200).toStdString());
        REQUIRE((now == versions[0] || now == versions[1]));
        // The last line says where the kill landed: inside a save (the file is the version
        // before it or, if the rename had happened, the version it wrote), or between saves
        // (exactly the version last saved).
        const QList<QByteArray> lines = out.trimmed().split('\n');
        const QList<QByteArray> last = lines.back().split(' ');
        if (last.value(0) == "saving") {
            ++mid_save;
        } else if (last.value(0) == "saved") {
            ++between;
            CHECK(now == versions[last.value(2) == "new" ? 1 : 0]);
        }
        (now == versions[0] ? old_left : new_left) += 1;
        // Temporary files a kill left behind (where QSaveFile uses named ones) are not the
        // file; they are cleared so the folder does not fill.
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
            if (name.startsWith(QStringLiteral("big.json.")) && !name.endsWith(".old") &&
                !name.endsWith(".new"))
                QFile::remove(dir.filePath(name));
    }
    std::cout << "kill mid-save: seed " << kSeed << ", a save of " << versions[0].size()
              << " bytes takes about " << save_ms << " ms; " << kTrials << " kills: " << mid_save
              << " inside a save, " << between << " between saves, " << kTrials - mid_save - between
              << " before the first; the file was the old "
              << "version " << old_left << " times and the new one " << new_left
              << " times, never anything else" << std::endl;
    // The kills landed inside saves, and on both sides of the rename that ends one, or the test
    // proves nothing about a kill mid-save.
    CHECK(mid_save > kTrials / 4);
    CHECK(old_left > 0);
    CHECK(new_left > 0);
}
