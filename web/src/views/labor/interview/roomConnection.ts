// The browser side of a remote interview: one RTCPeerConnection to the other party, signalled
// over the server's WebSocket relay (src/http/signalling_hub.h). The hub says "ready" with who
// offers (the employer's side) when both have joined; offers, answers and ICE candidates pass
// through it to the other seat only. Media goes browser to browser. The server closes a seat whose
// right ended (its session logged out or expired, the interview no longer scheduled, its time
// window over) after a "closed" signal saying why, in both languages.
//
// Weak rural connections: the camera starts small (kCameraConstraints: 320×240, 15 fps) and the
// video sender is capped at kStartVideoBitrate; setAudioOnly(true) stops sending video at all with
// one tap and tells the other side, setMuted / setCameraOff only silence or blank the local track.
import type { IceServer } from '@/api/labor/interviews/types'

export type RoomStatus =
  | 'connecting' | 'waiting' | 'joining' | 'connected' | 'unstable' | 'left' | 'replaced' | 'closed' | 'failed'

/** Why the server closed this seat: reason "session_ended" or "room_closed", and the words to show. */
export interface RoomClosure {
  reason: string
  message_zh: string
  message_en: string
}

export interface RoomEvents {
  status(status: RoomStatus): void
  /** the server closed this seat (status "closed" follows) */
  closed(closure: RoomClosure): void
  remoteStream(stream: MediaStream): void
  /** the other side switched to audio only (false) or back (true) */
  remoteVideo(video: boolean): void
}

export const kStartVideoBitrate = 150_000 // bits per second
export const kCameraConstraints: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true },
  video: { width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 15, max: 15 } },
}

interface Signal {
  type: string
  from?: string
  initiator?: boolean
  sdp?: RTCSessionDescriptionInit
  candidate?: RTCIceCandidateInit
  video?: boolean
  reason?: string
  message_zh?: string
  message_en?: string
}

export class RoomConnection {
  private socket: WebSocket | null = null
  private peer: RTCPeerConnection | null = null
  private videoSender: RTCRtpSender | null = null
  private audioOnly = false
  // Signals are handled one at a time, in the order they came: a candidate must not overtake
  // the offer it belongs to while that offer is still being applied.
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly url: string,
    private readonly iceServers: IceServer[],
    private readonly local: MediaStream,
    private readonly events: RoomEvents,
  ) {}

  open(): void {
    this.events.status('connecting')
    const socket = new WebSocket(this.url)
    this.socket = socket
    socket.onopen = () => this.events.status('waiting')
    socket.onmessage = (e) => {
      const signal = JSON.parse(String(e.data)) as Signal
      this.queue = this.queue.then(() => this.onSignal(signal)).catch(() => this.events.status('failed'))
    }
    socket.onclose = () => {
      if (this.socket === socket) {
        this.socket = null
        this.closePeer()
        this.events.status('failed')
      }
    }
  }

  close(): void {
    this.send({ type: 'bye' })
    const socket = this.socket
    this.socket = null
    socket?.close()
    this.closePeer()
  }

  setMuted(muted: boolean): void {
    for (const t of this.local.getAudioTracks()) t.enabled = !muted
  }

  /** The camera blanked (the other side sees black); the video stream itself keeps flowing. */
  setCameraOff(off: boolean): void {
    for (const t of this.local.getVideoTracks()) t.enabled = !off
  }

  /** 弱网: no video sent at all (audio only), or video again; the other side hears of it. */
  async setAudioOnly(audioOnly: boolean): Promise<void> {
    this.audioOnly = audioOnly
    if (this.videoSender) await this.videoSender.replaceTrack(audioOnly ? null : this.local.getVideoTracks()[0] ?? null)
    this.send({ type: 'media', video: !audioOnly })
  }

  private send(signal: Signal): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(signal))
  }

  private async onSignal(signal: Signal): Promise<void> {
    switch (signal.type) {
      case 'ready':
        this.startPeer()
        this.events.status('joining')
        if (this.audioOnly) this.send({ type: 'media', video: false })
        if (signal.initiator) await this.makeOffer()
        break
      case 'offer': {
        if (!this.peer) this.startPeer()
        const peer = this.peer!
        await peer.setRemoteDescription(signal.sdp!)
        await peer.setLocalDescription(await peer.createAnswer())
        this.send({ type: 'answer', sdp: peer.localDescription!.toJSON() })
        await this.capVideoBitrate()
        break
      }
      case 'answer':
        await this.peer?.setRemoteDescription(signal.sdp!)
        break
      case 'candidate':
        if (signal.candidate && this.peer) await this.peer.addIceCandidate(signal.candidate)
        break
      case 'media':
        this.events.remoteVideo(signal.video !== false)
        break
      case 'bye':
      case 'peer-left':
        this.closePeer()
        this.events.status('left')
        break
      case 'replaced':
        this.socket = null // the server closes this connection: the interview went on in another tab
        this.closePeer()
        this.events.status('replaced')
        break
      case 'closed':
        this.socket = null // the server closes this connection: the right to the seat has ended
        this.closePeer()
        this.events.closed({ reason: signal.reason ?? '', message_zh: signal.message_zh ?? '', message_en: signal.message_en ?? '' })
        this.events.status('closed')
        break
    }
  }

  private startPeer(): void {
    this.closePeer()
    const peer = new RTCPeerConnection({ iceServers: this.iceServers })
    this.peer = peer
    for (const track of this.local.getTracks()) {
      const sender = peer.addTrack(track, this.local)
      if (track.kind === 'video') this.videoSender = sender
    }
    if (this.videoSender && this.audioOnly) void this.videoSender.replaceTrack(null)
    peer.onicecandidate = (e) => {
      if (e.candidate) this.send({ type: 'candidate', candidate: e.candidate.toJSON() })
    }
    peer.ontrack = (e) => this.events.remoteStream(e.streams[0] ?? new MediaStream([e.track]))
    peer.onconnectionstatechange = () => {
      if (this.peer !== peer) return
      if (peer.connectionState === 'connected') {
        this.events.status('connected')
      } else if (peer.connectionState === 'disconnected') {
        this.events.status('unstable')
      } else if (peer.connectionState === 'failed') {
        this.events.status('failed')
      }
    }
  }

  private async makeOffer(): Promise<void> {
    const peer = this.peer!
    await peer.setLocalDescription(await peer.createOffer())
    this.send({ type: 'offer', sdp: peer.localDescription!.toJSON() })
    await this.capVideoBitrate()
  }

  // From the first frame: the sender's encodings exist once the local description is set.
  private async capVideoBitrate(): Promise<void> {
    if (!this.videoSender) return
    const params = this.videoSender.getParameters()
    if (!params.encodings?.length) return
    params.encodings[0].maxBitrate = kStartVideoBitrate
    await this.videoSender.setParameters(params).catch(() => undefined) // a browser without it keeps its own rate
  }

  private closePeer(): void {
    this.peer?.close()
    this.peer = null
    this.videoSender = null
  }
}
