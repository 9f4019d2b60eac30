// Desktop transport: what each Web Connector poll carries (stub; the real queue lands next).

export type TDesktopSession = {
  sessionId: string;
  organizationId: string;
  connectionId: string;
  qbXmlMajor: number;
  qbXmlMinor: number;
};

export async function hasDesktopWork(_organizationId: string): Promise<boolean> {
  return false;
}

export async function nextDesktopRequest(_session: TDesktopSession): Promise<string | null> {
  return null;
}

export async function receiveDesktopResponse(
  _session: TDesktopSession,
  _answer: { xml: string | null; hresult?: string; message?: string },
): Promise<number> {
  return 100;
}

export async function getDesktopLastError(_session: TDesktopSession): Promise<string> {
  return "";
}

export async function endDesktopSession(
  _session: TDesktopSession,
  _reason: "closed" | "connectionError",
  _message?: string,
): Promise<void> {}
