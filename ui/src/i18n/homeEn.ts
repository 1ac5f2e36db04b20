// English texts of « Accueil » (Home).
import type { HomeMessages } from "./homeFr";

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const homeEn: HomeMessages = {
  title: "Home",
  subtitle: (day: string) => `What awaits you, ${day}.`,
  loading: "Preparing your day…",
  loadError: "The home page could not be prepared.",
  quick: {
    label: "Quick actions",
    actor: "New actor",
    partnership: "New partnership",
    event: "New event",
    import: "Import",
  },
  actions: {
    title: "Actions to do",
    none: "No dated action: the partnerships' next actions will show here when due.",
    groups: { overdue: "Overdue", today: "Today", thisWeek: "This week", later: "Later" },
    overdueTotal: (n: string, count: number) => `${n} ${plural(count, "partnership has", "partnerships have")} an overdue action`,
    seeOverdue: "See on the board",
    done: (text: string) => `Mark "${text}" as done`,
    doneToast: (text: string) => `"${text}" is done`,
    undone: "The action is to do again",
    owner: (name: string) => `by ${name}`,
  },
  event: {
    title: "Next event",
    none: "No upcoming event.",
    today: "today",
    tomorrow: "tomorrow",
    inDays: (n: number) => `in ${n} days`,
    participants: (n: string, count: number) => `${n} ${plural(count, "registered participant", "registered participants")}`,
    planned: "Plan made",
    notPlanned: "No plan yet",
    unplanned: (n: number) => `${n} registered after the plan: plan again`,
    printed: "Pack printed",
    notPrinted: "Pack not printed since the last plan",
    open: "Open the event",
  },
  checks: {
    title: "Measurements and evaluations coming",
    none: "No measurement or evaluation in the next 30 days.",
    hint: "Each indicator is measured at least every 6 months, each partnership evaluated yearly with its partners.",
    measure: (indicator: string) => `Measure "${indicator}"`,
    evaluation: "Evaluate with the partners",
  },
  stuck: {
    title: "Stalled",
    none: "No partnership stopped for three months before its signature.",
    hint: "Not signed and unchanged for three months.",
    since: (stage: string, day: string) => `${stage} · unchanged since ${day}`,
  },
  reviews: {
    title: "Contacts to review (GDPR)",
    none: "No data retention to review in the next 30 days.",
    hint: "Three years after the person last reached out: ask again or erase.",
    due: (day: string) => `review on ${day}`,
    overdue: (day: string) => `review since ${day}`,
  },
  recent: {
    title: "Latest changes",
    none: "Nothing entered yet.",
    created: "created",
    updated: "edited",
    kinds: { actor: "Actor", contact: "Contact", partnership: "Partnership", event: "Event" },
  },
  more: (n: string) => `and ${n} more`,
  overdue: "overdue",
};
