// Words the export writes into the slides themselves (block labels, clip notes). They follow the
// deck's language (front matter `lang`, default Vietnamese), not the app's: the file is for the
// deck's audience. Numbers go through Intl in that language.

export interface ExportLabels {
  discussion: string;
  minutes: (n: string) => string;
  groups: (n: string) => string;
  question: string;
  points: (n: string) => string;
  clip: (file: string, from: string, to: string | undefined) => string;
  missingMedia: (file: string) => string;
}

const VI: ExportLabels = {
  discussion: 'Thảo luận',
  minutes: (n) => `${n} phút`,
  groups: (n) => `${n} nhóm`,
  question: 'Câu hỏi',
  points: (n) => `${n} điểm`,
  clip: (file, from, to) => `Đoạn phát của ${file}: từ ${from}${to ? ` đến ${to}` : ''} (giây).`,
  missingMedia: (file) => `[Không có tệp: ${file}]`,
};

const EN: ExportLabels = {
  discussion: 'Discussion',
  minutes: (n) => `${n} min`,
  groups: (n) => `${n} groups`,
  question: 'Question',
  points: (n) => `${n} points`,
  clip: (file, from, to) => `Clip of ${file}: from ${from}${to ? ` to ${to}` : ''} (seconds).`,
  missingMedia: (file) => `[File not found: ${file}]`,
};

export interface Language {
  labels: ExportLabels;
  number: (n: number) => string;
}

export function languageOf(lang: string): Language {
  const english = /^en\b/i.test(lang);
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(lang || 'vi', { maximumFractionDigits: 2 });
  } catch {
    format = new Intl.NumberFormat('vi', { maximumFractionDigits: 2 }); // an invalid tag in the front matter
  }
  return { labels: english ? EN : VI, number: (n) => format.format(n) };
}
