// The child process of the kill-mid-save test (tests/app/killsave.tests.cpp): it saves a large
// scenario through Document::save, the app's own save path, over and over, until it is killed.
//
//   failover-save-child versions PATH   writes the two versions it saves, as the bytes a save
//                                       produces, to PATH.old and PATH.new, and exits
//   failover-save-child save PATH FIRST saves to PATH forever, alternating the versions and
//                                       starting with FIRST ("old" or "new"); before and after
//                                       each save it prints "saving N VERSION" / "saved N
//                                       VERSION"; "ready" comes before the first
//   failover-save-child lock PATH       holds a QLockFile at PATH, prints "locked", and waits to
//                                       be killed (a session that died with its lock held)
#include "app/document.h"
#include "app/savefile.h"
#include "model/quick_actions.h"
#include "model/scenario_json.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QThread>

#include <cstdio>
#include <string>

namespace {

// A scenario of more than a megabyte: the starter's design with thousands of populations; `variant`
// changes every population's figures, so the two versions differ throughout the file.
model::Scenario big_scenario(int variant) {
    model::Scenario s = model::starter_scenario("Kill mid-save " + std::to_string(variant));
    const model::Population model_population =
        s.populations.empty() ? model::Population{} : s.populations.front();
    s.populations.clear();
    for (int i = 0; i < 2500; ++i) {
        model::Population p = model_population;
        p.id = "population-" + std::to_string(i);
        p.name = "Population " + std::to_string(i) + " of version " + std::to_string(variant);
        p.where = {-60.0 + (i % 120), -170.0 + (i % 340)};
        p.clients = 1000 + i + variant * 7;
        p.rps = 10.0 + i * 0.5 + variant;
        s.populations.push_back(std::move(p));
    }
    return s;
}

int fail(const char *what) {
    std::fprintf(stderr, "failover-save-child: %s\n", what);
    return 2;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return fail("usage: versions PATH | save PATH old|new | lock PATH");
    const std::string mode = argv[1];
    const QString path = QString::fromLocal8Bit(argv[2]);
    if (mode == "lock") {
        QLockFile lock(path);
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            return fail("the lock is taken");
        std::printf("locked\n");
        std::fflush(stdout);
        for (;;)
            QThread::sleep(1);
    }
    const model::Scenario versions[2] = {big_scenario(0), big_scenario(1)};
    if (mode == "versions") {
        for (int v = 0; v < 2; ++v)
            if (!app::write_file_atomically(
                    path + (v == 0 ? ".old" : ".new"),
                    QByteArray::fromStdString(model::write_scenario(versions[v]))))
                return fail("cannot write the versions");
        return 0;
    }
    if (mode != "save" || argc < 4)
        return fail("usage: versions PATH | save PATH old|new | lock PATH");
    int v = std::string(argv[3]) == "new" ? 1 : 0;
    app::Document doc;
    std::printf("ready\n");
    std::fflush(stdout);
    for (long n = 1;; ++n, v = 1 - v) {
        doc.reset(versions[v], {});
        std::printf("saving %ld %s\n", n, v == 0 ? "old" : "new");
        std::fflush(stdout);
        QString error;
        if (!doc.save(path, &error))
            return fail(error.toLocal8Bit().constData());
        std::printf("saved %ld %s\n", n, v == 0 ? "old" : "new");
        std::fflush(stdout);
    }
}
