// The globe draws a frame only once the GPU has finished the one before.
//
// Cesium's own loop draws on every animation frame while imagery is loading (Scene.render asks for the next frame
// until the globe's tiles are loaded), and the page's animation frames keep coming at 60 Hz whether or not the GPU
// has drawn the last globe frame. In software WebGL (SwiftShader) one globe frame costs the GPU process 100–200 ms
// of CPU: the frames queue up there, and no frame of the page is presented until it has drawn them all. Measured on
// an exhibition's globe step (load 10): 31–41 frames were queued while 7 imagery tiles loaded (8–9 s of GPU-process
// CPU), and the next step's picture came 16–26 s after the key (the key handler itself blocked: losing the globe's
// context waits for that queue). A fence after each globe frame tells when the GPU is done with it; until then the
// globe skips its turn, so it is drawn as often as the GPU can draw it and is never more than one frame ahead
// (10 frames there). A GPU that keeps up signals the fence by the next animation frame, and the globe draws as before.
import type * as CesiumNS from 'cesium';

/** Replaces Cesium's render loop of `viewer` by a paced one (WebGL 2 only: fences; a WebGL 1 globe keeps Cesium's
 * loop); it stops when the viewer is destroyed. */
export function paceFrames(viewer: CesiumNS.Viewer): void {
  const scene = viewer.scene;
  // The context Cesium made (getContext returns it again; null if Cesium made a WebGL 1 context).
  const gl = scene.canvas.getContext('webgl2');
  if (!gl) return;
  let drew = false;
  scene.postRender.addEventListener(() => {
    drew = true;
  });
  let pending: WebGLSync | null = null;
  const tick = (): void => {
    if (viewer.isDestroyed()) return;
    if (gl.isContextLost()) {
      requestAnimationFrame(tick);
      return;
    }
    if (pending) {
      if (gl.getSyncParameter(pending, gl.SYNC_STATUS) !== gl.SIGNALED) {
        requestAnimationFrame(tick);
        return;
      }
      gl.deleteSync(pending);
      pending = null;
    }
    // What Cesium's loop does each frame (CesiumWidget's startRenderLoop): follow the container's size, then render
    // (a frame is drawn only if one was asked for: requestRenderMode).
    drew = false;
    try {
      viewer.cesiumWidget.resize();
      viewer.render();
    } catch (error) {
      // As Cesium's loop does: rendering stops, and says why.
      viewer.cesiumWidget.showErrorPanel('An error occurred while rendering.  Rendering has stopped.', undefined, String(error));
      return;
    }
    if (drew) {
      pending = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
      gl.flush();
    }
    requestAnimationFrame(tick);
  };
  viewer.useDefaultRenderLoop = false;
  requestAnimationFrame(tick);
}
