#pragma once
// The lesson reader: the chapter list with progress marks and search, and the chapter itself
// (body, "try this" steps, takeaways, glossary, interview notes, walkthroughs). It only shows
// lessons and says what the learner asked for; the app runs the model.

#include "model/course.h"
#include "model/progress.h"

#include <QWidget>
#include <optional>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTextBrowser;
class QUrl;
class QVBoxLayout;

namespace widgets {

// Whether a link is a web address a browser may open: http or https, with a host.
bool is_web_address(const QUrl &url);

class LessonReader : public QWidget {
    Q_OBJECT
public:
    explicit LessonReader(QWidget *parent = nullptr);

    // The chapters, shown in course order (model::Course).
    void set_lessons(std::vector<model::Lesson> lessons);
    const model::Course &course() const { return course_; }
    const std::vector<model::Lesson> &lessons() const { return course_.chapters(); }
    // The marks beside the chapters and steps, and the course's "n of m complete".
    void set_progress(const model::Progress &progress);
    void show_lesson(int index);
    int current() const { return current_; }
    // The outcome of a "try this" step, shown beside it.
    void show_try_result(int lesson, int step, bool held, const QString &detail);
    // The learner's prediction for a step of the chapter on show, if the step asks for one.
    std::optional<double> prediction(int step) const;
    void set_prediction(int step, double value);
    // Filters the chapter list to chapters whose text contains every word of the query.
    void search(const QString &query);
    int visible_chapters() const;
    // "3 of 12 chapters complete", as shown above the chapter list.
    QString course_progress_text() const;
    // The chapter's text as shown. Lesson text is Markdown without HTML: tags show as text,
    // nothing is run, and no image or other resource is ever loaded, from the web or from
    // disk.
    QTextBrowser *text_view() const { return body_; }
    // What clicking a link in the text does: an anchor in the chapter scrolls to it; an http
    // or https address goes to link_requested(), for the window to confirm before opening it;
    // any other address (file:, javascript:, a custom scheme) goes to link_refused().
    void activate_link(const QUrl &url);

signals:
    void open_scenario(int lesson, const QString &scenario);
    void try_this(int lesson, int step);
    void show_what_happened(int lesson, int step);
    void compare_step(int lesson, int step); // a step's "compare": A and B side by side
    void start_walkthrough(int lesson, int walkthrough);
    void lesson_read(int lesson);
    // One of the interactive worked examples the chapter offers.
    void open_worked_example(model::WorkedExample example);
    void test_yourself(int lesson); // the chapter's quiz
    void link_requested(const QUrl &url);
    void link_refused(const QUrl &url);

private:
    void rebuild_list();
    QString chapter_markdown(const model::Lesson &lesson) const;
    void add_worked_example(model::WorkedExample example);

    model::Course course_;
    model::Progress progress_;
    int current_ = -1;
    QLabel *course_progress_ = nullptr;
    QLineEdit *search_ = nullptr;
    QListWidget *list_ = nullptr;
    QLabel *title_ = nullptr;
    QTextBrowser *body_ = nullptr;
    QWidget *steps_ = nullptr;
    QVBoxLayout *steps_layout_ = nullptr;
    std::vector<QLabel *> results_;
    std::vector<QDoubleSpinBox *> guesses_; // per step of the chapter on show; null: no prediction
};

} // namespace widgets
