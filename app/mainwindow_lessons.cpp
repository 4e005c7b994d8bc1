// The main window's side of the lessons: the reader dock, "try this" runs, walkthroughs.
#include "mainwindow.h"

#include "app/calculators.h"
#include "app/dialogs.h"
#include "app/lessonlibrary.h"
#include "app/presentation.h"
#include "app/quizpanel.h"
#include "model/simulation.h"
#include "widgets/lessonreader.h"

#include <QDir>
#include <QFileDialog>
#include <QLocale>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>

#include <iterator>

namespace app {

bool MainWindow::open_lesson_scenario(int lesson, const QString &relative) {
    const auto &lessons = reader_->lessons();
    if (lesson < 0 || lesson >= static_cast<int>(lessons.size()) || !confirm_discard())
        return false;
    const model::Lesson &l = lessons[static_cast<std::size_t>(lesson)];
    // Read and checked off the GUI thread (a lesson pack's file may be large); it replaces the
    // open scenario when it has loaded, and its run follows.
    const QString title = QString::fromStdString(l.title);
    loader_.request_work<std::shared_ptr<model::ScenarioLoad>>(
        [l, file = relative.toStdString()](const std::atomic<bool> &) {
            auto load = std::make_shared<model::ScenarioLoad>();
            try {
                *load = model::load_lesson_scenario(l, file, qt_reader());
            } catch (const std::exception &e) {
                load->problems.push_back(
                    {file, "", std::string("the file could not be read: ") + e.what()});
            }
            return load;
        },
        [this, title](std::shared_ptr<model::ScenarioLoad> load) {
            if (!load->scenario) {
                say(tr("Not opened: %1")
                        .arg(QString::fromStdString(load->problems.front().text())));
                return;
            }
            adopt(std::move(*load->scenario), QString(), [this, title] {
                clock_.seek(0);
                say(tr("Opened the scenario of \"%1\"").arg(title));
            });
        });
    return true;
}

void MainWindow::run_try_this(int lesson, int step) {
    const auto &lessons = reader_->lessons();
    const model::Lesson &l = lessons.at(static_cast<std::size_t>(lesson));
    model::PreparedStep prepared =
        model::prepare_step(l, static_cast<std::size_t>(step), qt_reader());
    if (!prepared.scenario) {
        reader_->show_try_result(lesson, step, false,
                                 prepared.failure == model::PreparedStep::Failure::scenario
                                     ? tr("the scenario does not load")
                                     : QString::fromStdString(prepared.detail));
        emit try_this_graded(lesson, step, false);
        return;
    }
    say(tr("Running the model for the step\u2026"), 5000);
    const std::optional<double> predicted = reader_->prediction(step);
    try_runner_.request_all({{std::move(*prepared.scenario), prepared.options}},
                            [this, lesson, step, predicted](ModelRunner::Reports reports) {
                                show_try_result(lesson, step, *reports.front(), predicted);
                            });
}

void MainWindow::show_try_result(int lesson, int step, const model::Report &report,
                                 std::optional<double> predicted) {
    const model::Lesson &l = reader_->lessons().at(static_cast<std::size_t>(lesson));
    const model::TryThis &t = l.try_this.at(static_cast<std::size_t>(step));
    const model::StepGrade grade = model::grade_step(t, report);
    QString detail = QString::fromStdString(model::fill_show(l, t, report, qt_reader()));
    QString verdict;
    if (t.predict && predicted) {
        // The prediction first: the learner committed to it before the run.
        const model::Grade g = model::grade_prediction(*t.predict, report, *predicted);
        const QString unit = t.predict->unit.empty()
                                 ? QString()
                                 : QLatin1Char(' ') + QString::fromStdString(t.predict->unit);
        verdict = tr("%1 Your prediction: %2%3. The model: %4%3 (within %5%3 counts).")
                      .arg(g.correct ? QStringLiteral("\u2713") : QStringLiteral("\u2717"))
                      .arg(QLocale().toString(*predicted, 'g', 6), unit,
                           g.expected ? QLocale().toString(*g.expected, 'g', 6) : tr("n/a"),
                           QLocale().toString(g.tolerance, 'g', 4));
        if (g.missed != model::Missed::nothing)
            verdict += QLatin1Char(' ') + tr("Left out: %1.").arg(missed_text(g.missed));
        if (progress_.progress().mark_predicted(l.id, t.id, g.correct))
            save_progress();
        last_prediction_ = g;
    }
    if (t.expect) {
        // What happened first; the model's check underneath, so its mark is not read as the
        // answer to the step's question.
        detail =
            tr("%1\n%2 Model check: %3 = %4 (expected %5)")
                .arg(detail, grade.held ? QStringLiteral("\u2713") : QStringLiteral("\u2717"),
                     QString::fromStdString(t.expect->figure),
                     grade.actual ? QString::number(*grade.actual) : tr("null (never happened)"),
                     QString::fromStdString(model::describe(*t.expect)));
    }
    if (!verdict.isEmpty())
        detail = verdict + QLatin1Char('\n') + detail;
    reader_->show_try_result(lesson, step, grade.held, detail);
    if (grade.held && progress_.progress().mark_tried(l.id, t.id))
        save_progress();
    emit try_this_graded(lesson, step, grade.held);
}

void MainWindow::show_what_happened(int lesson, int step) {
    const model::Lesson &l = reader_->lessons().at(static_cast<std::size_t>(lesson));
    if (!confirm_discard())
        return;
    loader_.request_work<std::shared_ptr<model::PreparedStep>>(
        [l, step](const std::atomic<bool> &) {
            return std::make_shared<model::PreparedStep>(
                model::prepare_step(l, static_cast<std::size_t>(step), qt_reader()));
        },
        [this, t = l.try_this.at(static_cast<std::size_t>(step))](
            std::shared_ptr<model::PreparedStep> prepared) {
            if (!prepared->scenario)
                return;
            if (prepared->options.seed)
                prepared->scenario->settings.seed = *prepared->options.seed;
            adopt(std::move(*prepared->scenario), QString(), [this, t] {
                if (report_)
                    clock_.seek(model::step_watch_from_ms(t, doc_.scenario(), report_->run));
                clock_.play();
            });
        });
}

void MainWindow::mark_lesson_read(int lesson) {
    const model::Lesson &l = reader_->lessons().at(static_cast<std::size_t>(lesson));
    if (progress_.progress().mark_read(l.id))
        save_progress();
}

void MainWindow::save_progress() {
    QString error;
    if (!progress_.save(&error))
        say(tr("Progress not saved: %1").arg(error));
    reader_->set_progress(progress_.progress());
}

QuizPanel *MainWindow::test_yourself(int lesson) {
    const auto &lessons = reader_->lessons();
    if (lesson < 0 || lesson >= static_cast<int>(lessons.size()))
        return nullptr;
    const model::Lesson &l = lessons[static_cast<std::size_t>(lesson)];
    auto *panel = new QuizPanel(quizzes_, this);
    panel->setAttribute(Qt::WA_DeleteOnClose);
    connect(panel, &QuizPanel::question_answered, this, &MainWindow::record_answer);
    if (!panel->start_chapter(l.order)) {
        delete panel;
        say(tr("Chapter %1 has no quiz questions").arg(QString::fromStdString(l.title)));
        return nullptr;
    }
    panel->show();
    return panel;
}

QuizPanel *MainWindow::interview_practice(int count, int minutes, std::uint64_t seed) {
    auto *panel = new QuizPanel(quizzes_, this);
    panel->setAttribute(Qt::WA_DeleteOnClose);
    connect(panel, &QuizPanel::question_answered, this, &MainWindow::record_answer);
    panel->start_interview(count, minutes, seed);
    panel->show();
    return panel;
}

void MainWindow::record_answer(int chapter, const QString &question, bool right) {
    for (const model::Lesson &l : reader_->lessons())
        if (l.order == chapter) {
            if (progress_.progress().mark_answered(l.id, question.toStdString(), right)) {
                save_progress();
                reader_->set_progress(progress_.progress());
            }
            return;
        }
}

void MainWindow::open_worked_example(model::WorkedExample example) {
    if (!calculators_)
        calculators_ = new Calculators(this);
    calculators_->show_page(example);
    calculators_->show();
    calculators_->raise();
    calculators_->activateWindow();
}

QWidget *MainWindow::start_walkthrough(int lesson, int walkthrough) {
    const model::Lesson &l = reader_->lessons().at(static_cast<std::size_t>(lesson));
    if (walkthrough < 0 || walkthrough >= static_cast<int>(l.walkthroughs.size()))
        return nullptr;
    clock_.pause();
    auto *p = new Presentation(l, walkthrough);
    connect(p, &Presentation::compare_requested, this, [this, lesson](int walk, int step) {
        // After the presentation has gone: the comparison opens in this window.
        QTimer::singleShot(0, this, [this, lesson, walk, step] {
            open_walk_comparison(lesson, walk, step);
            activateWindow();
        });
    });
    // On the screen the window is on; the geometry first, for window managers (and bare X
    // servers) that do not size a full-screen window themselves.
    if (QScreen *here = screen())
        p->setGeometry(here->geometry());
    p->showFullScreen();
    p->activateWindow();
    p->setFocus();
    return p;
}

void MainWindow::load_lesson_pack(const QString &folder) {
    QStringList problems;
    std::vector<model::Lesson> lessons = reader_->lessons();
    std::vector<model::Lesson> extra;
    for (model::Lesson &l : load_lessons(folder, &problems)) {
        if (reader_->course().find(l.id))
            problems.append(tr("%1: the chapter id \"%2\" is already taken by a loaded chapter")
                                .arg(QString::fromStdString(l.file), QString::fromStdString(l.id)));
        else
            extra.push_back(std::move(l));
    }
    // A pack's own questions sit beside its lessons, in quizzes/.
    std::vector<model::Quiz> quizzes =
        load_quiz_folder(QDir(folder).filePath(QStringLiteral("quizzes")), &problems);
    std::move(quizzes.begin(), quizzes.end(), std::back_inserter(quizzes_));
    if (!problems.isEmpty()) {
        warn(this, tr("Lesson pack"), tr("Some lessons in %1 could not be loaded.").arg(folder),
             problems.mid(0, 3).join('\n'), problems.join('\n'));
    }
    say(tr("%n lesson(s) loaded from %1", nullptr, static_cast<int>(extra.size())).arg(folder));
    lessons.insert(lessons.end(), extra.begin(), extra.end());
    reader_->set_lessons(std::move(lessons));
    reader_->set_progress(progress_.progress());
    rebuild_walkthroughs_menu();
}

} // namespace app
