#pragma once
// The quiz panel: one question at a time, graded at once by the model (model/quiz.h), with the
// explanation, the model's figure and its tolerance. A chapter's "Test yourself" asks that
// chapter's questions in order; an interview practice round draws questions across chapters,
// shows a timer, and ends with a score and a review of every answer.
//
// Who owns what: the panel owns its live run (scenario, report, clock) and a map of its own, so
// a question's design is shown and played without touching the learner's workspace; questions
// are asked (parameters drawn, scenario run) off the GUI thread by the live run's runner kind.

#include "app/liverun.h"
#include "app/runner.h"
#include "model/quiz.h"

#include <QDialog>

#include <memory>
#include <optional>
#include <set>
#include <vector>

class QAbstractButton;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTimer;
class QVBoxLayout;

namespace widgets {
class MapView;
}

namespace app {

// What an estimate left out, in words ("clients holding cached answers ...").
QString missed_text(model::Missed missed);

class QuizPanel : public QDialog {
    Q_OBJECT
public:
    explicit QuizPanel(std::vector<model::Quiz> quizzes, QWidget *parent = nullptr);
    ~QuizPanel() override;

    // A chapter's questions in their order; false when the chapter has none.
    bool start_chapter(int chapter);
    // `count` questions drawn with `seed` across every chapter, within `minutes`.
    void start_interview(int count, int minutes, std::uint64_t seed);

    // For tests and keyboard users.
    bool busy() const { return runner_.busy(); }
    const model::Asked *asked() const { return asked_.get(); }
    int position() const { return position_; } // 0-based
    int count() const { return static_cast<int>(order_.size()); }
    void answer(const model::Answer &answer); // grades the question on show
    void next();                              // the next question, or the end
    bool finished() const { return finished_; }
    int score() const { return score_; }
    int answered() const { return static_cast<int>(results_.size()); }
    QString review_html() const;
    QString result_text() const;
    int seconds_left() const { return seconds_left_; }
    const std::set<std::string> &marked() const { return marked_; }
    widgets::MapView *map() const { return map_; }

signals:
    // A question was answered: its chapter (the quiz's), its id, and whether it was right.
    void question_answered(int chapter, const QString &question_id, bool right);

private:
    struct Result {
        const model::Quiz *quiz = nullptr;
        std::shared_ptr<const model::Asked> asked;
        model::Answer answer;
        model::Grade grade;
    };
    void build();
    void start(std::vector<std::pair<const model::Quiz *, const model::Question *>> order);
    void ask_current();
    void show_asked();
    void check();
    void finish();
    void tick();
    void play_design(const model::Scenario &s);
    void show_playhead(model::Ms t);
    void toggle_mark(const QString &id);
    model::Answer answer_from_inputs() const;
    QString grade_html(const Result &r) const;

    std::vector<model::Quiz> quizzes_;
    std::vector<std::pair<const model::Quiz *, const model::Question *>> order_;
    int position_ = 0;
    bool interview_ = false;
    bool finished_ = false;
    bool checked_ = false;
    int score_ = 0;
    int seconds_left_ = -1;
    std::uint64_t seed_ = 1;
    std::shared_ptr<const model::Asked> asked_;
    std::vector<Result> results_;
    std::set<std::string> marked_;
    QString last_selected_;
    bool autoplay_ = false;

    ModelRunner runner_;
    LiveRun live_;
    QTimer *timer_ = nullptr;
    QLabel *header_ = nullptr, *timer_label_ = nullptr, *prompt_ = nullptr, *hint_ = nullptr;
    QWidget *options_ = nullptr;
    QVBoxLayout *options_layout_ = nullptr;
    std::vector<QAbstractButton *> option_buttons_;
    QDoubleSpinBox *number_ = nullptr;
    QTextBrowser *result_ = nullptr;
    QPushButton *check_ = nullptr, *next_ = nullptr, *show_map_ = nullptr;
    widgets::MapView *map_ = nullptr;
    QStackedWidget *pages_ = nullptr;
    QTextBrowser *review_ = nullptr;
};

} // namespace app
