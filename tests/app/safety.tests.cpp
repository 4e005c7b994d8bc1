// What a learner cannot break by accident: lesson text that loads nothing and runs nothing,
// links that open only web addresses and only when agreed to, files that are not files, and
// model work that can be cancelled.
#include "app/dialogs.h"
#include "app/mainwindow.h"
#include "app/progress.h"
#include "model/scenario_json.h"
#include "widgets/lessonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <QUrl>
#include <catch2/catch.hpp>

#include "builtins.h"
#include "event_wait.h"

#include <sys/stat.h>

namespace {

// The image names a document holds (Markdown images become image fragments).
QStringList images_in(const QTextDocument *doc) {
    QStringList names;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isImageFormat())
                names << it.fragment().charFormat().toImageFormat().name();
    return names;
}

// Writes `bytes` to `path` (a test's own scratch file).
void write_file(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

} // namespace

TEST_CASE("Lesson text loads no image from the web or the disk and runs no HTML",
          "[app][links][lessons]") {
    QTemporaryDir dir;
    const QString png = dir.filePath("picture.png");
    QImage picture(8, 8, QImage::Format_RGB32);
    picture.fill(Qt::red);
    REQUIRE(picture.save(png));
    const QString file_url = QUrl::fromLocalFile(png).toString();
    model::Lesson lesson = testing::good_lesson();
    lesson.body = "Text.\n\n![local](" + file_url.toStdString() +
                  ")\n\n![remote](http://example.com/remote.png)\n\n"
                  "<img src=\"" +
                  file_url.toStdString() +
                  "\">\n\n"
                  "<script>document.write('ran')</script>\n\n<b>bold?</b>\n";
    widgets::LessonReader reader;
    reader.set_lessons({lesson});
    reader.show_lesson(0);
    reader.resize(600, 800);
    (void)reader.grab(); // laid out and painted: any image would have been asked for now
    QTextDocument *doc = reader.text_view()->document();
    // The Markdown images are there as names, but nothing was loaded for them, though the
    // local one is a readable picture (a plain QTextBrowser would load it).
    const QStringList images = images_in(doc);
    CHECK(images.contains(file_url));
    CHECK(images.contains("http://example.com/remote.png"));
    for (const QString &name : images) {
        INFO(name.toStdString());
        CHECK(doc->resource(QTextDocument::ImageResource, QUrl(name)).isNull());
    }
    QTextBrowser plain;
    plain.setMarkdown(QStringLiteral("![local](%1)").arg(file_url));
    CHECK_FALSE(plain.loadResource(QTextDocument::ImageResource, QUrl(file_url)).isNull());
    // HTML is text: the tags show as written, and nothing of them was interpreted.
    const QString shown = doc->toPlainText();
    CHECK(shown.contains("<script>document.write('ran')</script>"));
    CHECK(shown.contains("<img src="));
    CHECK(shown.contains("<b>bold?</b>"));
    CHECK(images.size() == 2); // the <img> tag made no image
}

TEST_CASE("Only web links are passed on from a lesson; anchors scroll", "[app][links]") {
    widgets::LessonReader reader;
    reader.set_lessons({testing::good_lesson()});
    reader.show_lesson(0);
    QList<QUrl> requested, refused;
    QObject::connect(&reader, &widgets::LessonReader::link_requested,
                     [&](const QUrl &url) { requested << url; });
    QObject::connect(&reader, &widgets::LessonReader::link_refused,
                     [&](const QUrl &url) { refused << url; });
    for (const char *web : {"https://example.com/a?b=c", "http://example.com"})
        reader.activate_link(QUrl(web));
    for (const char *other :
         {"file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/x", "failover-lab://open",
          "mailto:a@example.com", "http:nohost", "/etc/passwd"})
        reader.activate_link(QUrl(other));
    reader.activate_link(QUrl("#glossary"));
    REQUIRE(requested.count() == 2);
    CHECK(requested.at(0) == QUrl("https://example.com/a?b=c"));
    CHECK(refused.count() == 7);
}

TEST_CASE("A web link opens only after the learner agrees to the address shown", "[app][links]") {
    app::MainWindow w;
    w.open_initial(QString());
    QStringList asked;
    bool agree = false;
    app::answer_questions_with([&](const QString &text) {
        asked << text;
        return agree;
    });
    QList<QUrl> opened;
    app::open_links_with([&](const QUrl &url) { opened << url; });
    const QUrl web("https://example.com/failover?x=1");
    emit w.reader()->link_requested(web);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].contains(web.toDisplayString()));
    CHECK(opened.isEmpty()); // declined
    agree = true;
    emit w.reader()->link_requested(web);
    CHECK(opened == QList<QUrl>{web});
    // Anything else is never asked about and never opened, even if it gets this far.
    w.reader()->activate_link(QUrl("file:///etc/passwd"));
    CHECK(app::confirm_and_open_link(&w, QUrl("file:///etc/passwd")) == false);
    CHECK(asked.size() == 2);
    CHECK(opened.size() == 1);
    CHECK(w.last_message().contains("file:///etc/passwd"));
    app::answer_questions_with({});
    app::open_links_with({});
}

TEST_CASE("Opening a folder or a pipe is refused at once, with the reason", "[app][open][defect]") {
    QTemporaryDir dir;
    const QString folder = dir.filePath("folder.json");
    REQUIRE(QDir().mkpath(folder));
    const QString pipe = dir.filePath("pipe.json");
    REQUIRE(::mkfifo(QFile::encodeName(pipe).constData(), 0600) == 0);
    app::MainWindow w;
    w.open_initial(QString());
    const std::string before = model::write_scenario(w.document()->scenario());
    QStringList told;
    app::answer_questions_with([&](const QString &text) {
        told << text;
        return true;
    });
    // Both ways of opening: at once (start-up), and File > Open's, in the background.
    CHECK_FALSE(w.open_file(pipe));
    w.open_file_in_background(pipe);
    CHECK_FALSE(w.open_file(folder));
    w.open_file_in_background(folder);
    app::answer_questions_with({});
    REQUIRE(told.size() == 4);
    CHECK(told[0].contains(QDir::toNativeSeparators(pipe)));
    CHECK(told[0].contains("not a regular file"));
    CHECK(told[2].contains("a folder, not a file"));
    CHECK_FALSE(w.model_busy()); // nothing was started for them
    CHECK(model::write_scenario(w.document()->scenario()) == before);
}

TEST_CASE("File > Open reads, checks and runs the file off the GUI thread", "[app][open][runner]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("other.json");
    const testing::BuiltIn &other = testing::built_in("pattern-warm-standby");
    write_file(path, QByteArray::fromStdString(model::write_scenario(other.scenario)));
    app::MainWindow w;
    w.open_initial(QString());
    w.open_file_in_background(path);
    // The scenario replaces the open one only once it has loaded, and its run follows.
    testing::run_events_until([&] { return w.document()->path() == path && !w.model_busy(); },
                              10000);
    REQUIRE(w.document()->path() == path);
    REQUIRE(w.report());
    CHECK(w.report()->scenario_name == other.scenario.name);
    CHECK(w.live_run()->current().scenario->name == other.scenario.name);
    // A bad file, the same way: its problems are told, the open scenario stays.
    const QString bad = dir.filePath("bad.json");
    write_file(bad, QByteArray("[1e400]"));
    QStringList told;
    app::answer_questions_with([&](const QString &text) {
        told << text;
        return true;
    });
    w.open_file_in_background(bad);
    testing::run_events_until([&] { return !told.isEmpty(); }, 10000);
    app::answer_questions_with({});
    REQUIRE(told.size() == 1);
    CHECK(told[0].contains("bad.json"));
    CHECK(w.document()->path() == path);
}

TEST_CASE("A file named at start-up opens off the GUI thread; if it cannot, the first lesson does",
          "[app][open][runner]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("named.json");
    const testing::BuiltIn &named = testing::built_in("cdn-origin-failover");
    write_file(path, QByteArray::fromStdString(model::write_scenario(named.scenario)));
    {
        app::MainWindow w;
        w.open_initial(path);
        // open_initial returned before the file was read: nothing is open yet.
        CHECK(w.document()->path().isEmpty());
        CHECK_FALSE(w.report());
        testing::run_events_until([&] { return w.report() != nullptr; }, 60000);
        CHECK(w.document()->path() == path);
        REQUIRE(w.report());
        CHECK(w.report()->fingerprint == named.report->fingerprint);
    }
    const QString bad = dir.filePath("bad.json");
    write_file(bad, QByteArray("[1e400]"));
    QStringList told;
    app::answer_questions_with([&](const QString &text) {
        told << text;
        return true;
    });
    app::MainWindow w;
    w.open_initial(bad);
    testing::run_events_until([&] { return w.report() != nullptr; }, 60000);
    app::answer_questions_with({});
    REQUIRE(told.size() == 1);
    CHECK(told[0].contains("bad.json"));
    CHECK(told[0].contains("the first lesson opens instead"));
    REQUIRE(w.report());
    CHECK(w.report()->fingerprint == testing::built_in("start-here").report->fingerprint);
    CHECK(w.document()->path().isEmpty()); // the built-in lesson has no file of its own
}

TEST_CASE("Cancel gives up the run in flight; the views keep the last finished run",
          "[app][runner][cancel]") {
    app::MainWindow w;
    w.open_initial(QString());
    const auto before = w.report();
    model::Scenario changed = w.document()->scenario();
    changed.name = "Changed, then cancelled";
    w.live_run()->request(changed);
    REQUIRE(w.model_busy());
    w.cancel_model_work();
    CHECK_FALSE(w.model_busy());
    CHECK(w.last_message().contains("Cancelled"));
    // The abandoned run's result never lands, however long it is waited for.
    testing::run_events_until([&] { return w.report() != before; }, 1500);
    CHECK(w.report() == before);
    // Running again is not held up by the abandoned run.
    w.live_run()->request(changed);
    testing::run_events_until([&] { return w.report() != before; }, 10000);
    REQUIRE(w.report() != before);
    CHECK(w.report()->scenario_name == "Changed, then cancelled");
}

TEST_CASE("A progress file that cannot be read is said above the map for the whole session",
          "[app][progress]") {
    const QString path = app::ProgressStore().path();
    const QString kept = path + ".kept-by-test";
    QFile::remove(kept);
    const bool had = QFile::rename(path, kept);
    REQUIRE(QDir().mkpath(path)); // a folder where the file should be: it cannot be read
    {
        app::MainWindow w;
        w.open_initial(QString());
        const QString warning = w.progress_warning();
        CHECK(warning.contains("cannot be read"));
        CHECK(warning.contains(QDir::toNativeSeparators(path)));
        // Later messages do not hide it.
        app::answer_questions_with([](const QString &) { return true; });
        w.open_file(QStringLiteral("/no/such/folder/scenario.json"));
        app::answer_questions_with({});
        CHECK(w.last_message().contains("Not opened"));
        CHECK(w.progress_warning() == warning);
        // And the progress of this session does not go over it.
        w.mark_lesson_read(0);
        CHECK(QFileInfo(path).isDir());
    }
    QDir().rmdir(path);
    if (had)
        QFile::rename(kept, path);
}
