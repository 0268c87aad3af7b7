const receivedAtFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export function formatReceivedAt(date: Date): string {
  return `${receivedAtFormat.format(date)} UTC`;
}
